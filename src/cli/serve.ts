// `simulate serve` on the console (docs/serve.md): the loaded run's trace, then each request's as it
// is answered; the event log written, then appended request by request; the summary when it stops.
// Loaded on demand by main.ts, so that a scenario run never loads the server or its libraries.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggedEvent } from '../engine/events.js';
import type { RunResult } from '../engine/run.js';
import { project } from '../trace/project.js';
import { renderTextHead, renderTextItem, renderTextSummary, type TextOptions } from '../trace/render-text.js';
import { COLOUR, PLAIN } from '../trace/style.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { WorkloadError, findServedInstance, shellExports, writePodFiles } from '../server/workloads.js';
import type { Args } from './args.js';
import { serialiseEvents } from './event-log.js';
import type { Io } from './io.js';

export interface Serving {
  readonly url: string;
  /** stops the server and prints the summary line; resolves with whether every expectation of the file held */
  readonly close: () => Promise<boolean>;
}

type ServeArgs = Pick<Args, 'port' | 'host' | 'credentials' | 'events' | 'color'> &
  Partial<Pick<Args, 'pod' | 'podDir' | 'instance' | 'samlAssertion' | 'samlFile' | 'ssoToken' | 'ssoCache'>>;

export async function openServe(loaded: RunResult, args: ServeArgs, io: Io): Promise<Serving> {
  const colour = args.color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const options: TextOptions = { style: colour ? COLOUR : PLAIN, explain: false };
  const model = project(loaded.events);
  io.stdout(renderTextHead(model, options) + model.items.map((item) => renderTextItem(item, options)).join(''));
  const log = args.events;
  if (log !== null) writeFileSync(log, await serialiseEvents(loaded.events, log));
  const printed = (events: readonly LoggedEvent[]): void => {
    io.stdout(
      project(events)
        .items.map((item) => renderTextItem(item, options))
        .join(''),
    );
    // appended and written through at once: a log that stops with the server loses nothing
    if (log !== null && events.length > 0) appendFileSync(log, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  };
  const host = args.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') {
    io.stderr(
      `simulate serve: listening on ${host}, not 127.0.0.1: whoever reaches it can call the world with the keys of the credentials file\n`,
    );
  }
  if (args.instance) {
    try {
      findServedInstance(loaded.world, args.instance);
    } catch (e) {
      if (!(e instanceof WorkloadError)) throw e;
      throw new ServeError(`simulate serve: --instance: ${e.message}`);
    }
  }
  let server: RunningServer;
  try {
    server = await startServer(loaded, {
      port: args.port,
      host,
      credentials: args.credentials,
      instance: args.instance ?? null,
      onEvents: printed,
      onNotice: (line) => io.stderr(`simulate serve: ${line}\n`),
    });
  } catch (e) {
    throw new ServeError(`simulate serve: cannot listen on ${host}:${args.port}: ${(e as Error).message}`);
  }
  const clock = loaded.world.scenario.clock;
  if (Date.parse(clock) > Date.now()) {
    io.stderr(`simulate serve: the world's clock (${clock}) is later than the wall clock: it stays there until the wall clock passes it\n`);
  }
  if (args.credentials !== null) {
    io.stderr(
      `simulate serve: credentials written to ${args.credentials} (a profile ACCOUNT/USER per IAM user with an access key; rewritten when a request creates, deletes or deactivates a key)\n`,
    );
  }
  if (args.samlAssertion && args.samlFile) {
    const { writeSamlAssertion, SamlFileError } = await import('../server/saml-file.js');
    try {
      await writeSamlAssertion(server.world(), { user: args.samlAssertion, file: args.samlFile }, new Date(), server.keys);
    } catch (e) {
      await server.close();
      if (!(e instanceof SamlFileError)) throw e;
      throw new ServeError(`simulate serve: ${e.message}`);
    }
    io.stderr(
      `simulate serve: the SAMLAssertion ${args.samlAssertion.split('/')[0]} issued for ${args.samlAssertion.split('/')[1]} written to ${args.samlFile} (valid for 5 minutes)\n`,
    );
  }
  if (args.ssoToken && args.ssoCache) {
    const { writeSsoToken, SsoTokenError } = await import('../server/sso-token-file.js');
    try {
      const t = writeSsoToken(server.world(), { user: args.ssoToken, dir: args.ssoCache }, new Date());
      io.stderr(
        `simulate serve: ${args.ssoToken}'s access portal token written to ${t.file} (until ${t.expiresAt}); a profile for it: sso_start_url = ${t.startUrl}, sso_region = ${t.region}, sso_account_id, sso_role_name; the SDK's portal client needs this server as its endpoint\n`,
      );
    } catch (e) {
      await server.close();
      if (!(e instanceof SsoTokenError)) throw e;
      throw new ServeError(`simulate serve: ${e.message}`);
    }
  }
  if (args.pod && args.podDir) {
    try {
      const pod = await writePodFiles(server.world(), args.pod, args.podDir, server.url, new Date(), server.keys);
      const envFile = join(args.podDir, 'env');
      writeFileSync(envFile, shellExports(pod.env), { mode: 0o600 });
      io.stderr(
        `simulate serve: pod ${args.pod}: token written to ${pod.files.join(', ')}; its SDK's environment (. ${envFile}):\n${shellExports(pod.env)}`,
      );
    } catch (e) {
      if (!(e instanceof WorkloadError)) throw e;
      await server.close();
      throw new ServeError(`simulate serve: --pod: ${e.message}`);
    }
  }
  if (args.instance) {
    io.stderr(
      `simulate serve: the instance metadata service of ${args.instance} at ${server.url}/latest/ (IMDSv2); its SDK's environment:\nexport AWS_EC2_METADATA_SERVICE_ENDPOINT='${server.url}'\n`,
    );
  }
  io.stderr(`simulate serve: the world's AWS endpoints at ${server.url} (Ctrl-C stops)\n`);
  return {
    url: server.url,
    close: async () => {
      await server.close();
      const all = project(server.events());
      io.stdout(renderTextSummary(all, options));
      return all.summary.failed === 0;
    },
  };
}

/** The server could not start (the port is taken, the address is not this machine's). */
export class ServeError extends Error {}
