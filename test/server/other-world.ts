// A small world for the server's tests: carol may call a few services she cannot get carried out
// (Secrets Manager, SNS, EC2), dave has no policy at all; serve gives each the key it signs with.
import { secretAccessKey } from '../../src/engine/ids.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/serve.js';
import { loadText } from './harness.js';

export const WORLD = `scenario "Other services"
clock 2026-01-01T09:00:00Z

account Development 222222222222 {
  user carol {
    inline Services {
      allow action secretsmanager:GetSecretValue, sns:Publish, ec2:DescribeInstances resource *
    }
  }
  user dave
}
`;

export const loadWorld = (text = WORLD) => loadText(text, 'other.iam');

export type Key = { accessKeyId: string; secretAccessKey: string };

/**
 * Serves the world (this one, or the scenario text given) on a free port of 127.0.0.1; `key(user)`
 * is the key serve gave the user. Close it.
 */
export async function serveWorld(
  options: Partial<ServeOptions> = {},
  text = WORLD,
): Promise<{ server: RunningServer; key: (user: string) => Key }> {
  const loaded = loadWorld(text);
  const server = await startServer(loaded, { port: 0, ...options });
  const key = (user: string): Key => {
    const created = server
      .events()
      .filter((e) => e.type === 'AccessKeyCreated')
      .map((e) => e.data as { user: string; accessKeyId: string })
      .find((d) => d.user.endsWith(`:user/${user}`));
    if (created === undefined) throw new Error(`no key for ${user}`);
    return { accessKeyId: created.accessKeyId, secretAccessKey: secretAccessKey(loaded.world.scenario.seed, created.accessKeyId) };
  };
  return { server, key };
}
