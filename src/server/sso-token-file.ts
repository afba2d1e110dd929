// `simulate serve --sso-token USER --sso-cache DIR`: the access token of an Identity Center user's
// sign-in to the access portal, written as the AWS SDKs and CLI cache it after `aws sso login`
// (DIR/SHA1(start URL).json with startUrl, region, accessToken and expiresAt: the legacy
// sso_start_url profile's cache file, which @aws-sdk/credential-provider-sso's fromSSO and the AWS
// CLI read from ~/.aws/sso/cache). With it, fromSSO and `aws sso get-role-credentials` call the
// served access portal API (sso-portal.ts). The token is the one the world's portal knows for the
// user (src/engine/sso/ids.ts); it lasts 8 hours, the access portal's default session duration (IAM
// Identity Center User Guide "Configure the duration of your AWS access portal … sessions").
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalAccessToken } from '../engine/sso/ids.js';
import type { World } from '../engine/world.js';

export class SsoTokenError extends Error {}

const PORTAL_SESSION_SECONDS = 8 * 3600;

/** The access portal's default URL: https://IDENTITY-STORE-ID.awsapps.com/start. */
export function ssoStartUrl(world: World): string | null {
  const instance = world.sso.instance;
  return instance === null ? null : `https://${instance.identityStoreId}.awsapps.com/start`;
}

export interface WrittenToken {
  readonly file: string;
  readonly startUrl: string;
  readonly region: string;
  readonly expiresAt: string;
}

export function writeSsoToken(world: World, asked: { readonly user: string; readonly dir: string }, at: Date): WrittenToken {
  const instance = world.sso.instance;
  const startUrl = ssoStartUrl(world);
  if (instance === null || startUrl === null) throw new SsoTokenError(`--sso-token ${asked.user}: the world has no identity-center`);
  if (world.sso.users[asked.user] === undefined)
    throw new SsoTokenError(
      `--sso-token ${asked.user}: identity-center has no user ${asked.user} (it has ${Object.keys(world.sso.users).join(', ') || 'none'})`,
    );
  const expiresAt = new Date(at.getTime() + PORTAL_SESSION_SECONDS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const token = {
    startUrl,
    region: instance.region,
    accessToken: portalAccessToken(world.scenario.seed, instance.arn, asked.user),
    expiresAt,
  };
  mkdirSync(asked.dir, { recursive: true });
  const file = join(asked.dir, `${createHash('sha1').update(startUrl).digest('hex')}.json`);
  writeFileSync(file, JSON.stringify(token, null, 2) + '\n', { mode: 0o600 });
  return { file, startUrl, region: instance.region, expiresAt };
}
