// The AWS SDK for JavaScript v3's default credential chain as a pod runs it (AWS SDK for
// JavaScript v3 Developer Guide "Set credentials in Node.js"; aws-sdk-js-v3
// packages/credential-provider-node/src/defaultProvider.ts):
// environment keys → SSO → shared ini files → credential_process → web identity token file →
// remote provider (the container credentials endpoint, else EC2 instance metadata) → an error.
// Each step of a scenario is a fresh SDK client, so it walks the chain anew.
import { DEFAULT_REGION } from '../scenario/state.js';
import type { ChainLink } from './events.js';
import type { Pod } from './state.js';

export const NO_CREDENTIALS = 'Could not load credentials from any providers';

export interface Chain {
  readonly links: ChainLink[];
  /** null: no provider had credentials (CredentialsProviderError) */
  readonly provider: 'web-identity' | 'container' | null;
}

export function walkChain(pod: Pod): Chain {
  const env = pod.env;
  const links: ChainLink[] = [
    { provider: 'fromEnv', found: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set' },
    { provider: 'fromSSO', found: 'no SSO configuration' },
    { provider: 'fromIni', found: 'no shared credentials or config file' },
    { provider: 'fromProcess', found: 'no credential_process' },
  ];
  const tokenFile = env['AWS_WEB_IDENTITY_TOKEN_FILE'];
  const roleArn = env['AWS_ROLE_ARN'];
  if (tokenFile !== undefined && roleArn !== undefined) {
    const region = env['AWS_REGION'] ?? DEFAULT_REGION;
    const endpoint =
      env['AWS_STS_REGIONAL_ENDPOINTS'] === 'regional'
        ? `the regional endpoint ${stsEndpoint(pod, region)}`
        : `the global endpoint ${stsEndpoint(pod, region)} (AWS_STS_REGIONAL_ENDPOINTS is not regional)`;
    links.push({
      provider: 'fromTokenFile',
      found: `AWS_WEB_IDENTITY_TOKEN_FILE=${tokenFile} and AWS_ROLE_ARN=${roleArn}: calls sts:AssumeRoleWithWebIdentity at ${endpoint} with the token in the file`,
    });
    return { links, provider: 'web-identity' };
  }
  links.push({
    provider: 'fromTokenFile',
    found: 'AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not set (the webhook did not mutate the pod)',
  });
  const uri = env['AWS_CONTAINER_CREDENTIALS_FULL_URI'];
  const auth = env['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
  if (uri !== undefined && auth !== undefined) {
    links.push({
      provider: 'remoteProvider',
      found: `AWS_CONTAINER_CREDENTIALS_FULL_URI=${uri}: asks the EKS Pod Identity Agent, sending the token in ${auth}`,
    });
    return { links, provider: 'container' };
  }
  links.push({
    provider: 'remoteProvider',
    found:
      'no container credentials endpoint; the EC2 instance metadata service gives nothing (iamsim models no node instance role, as when pods cannot reach IMDS)',
  });
  return { links, provider: null };
}

/** AWS_ROLE_SESSION_NAME, else the SDK's default `aws-sdk-js-session-<Date.now()>`. */
export function sdkSessionName(pod: Pod, clock: string): string {
  return pod.env['AWS_ROLE_SESSION_NAME'] ?? `aws-sdk-js-session-${Date.parse(clock)}`;
}

/** Where the SDK sends STS calls: regional with AWS_STS_REGIONAL_ENDPOINTS=regional, else global. */
export function stsEndpoint(pod: Pod, region: string): string {
  return pod.env['AWS_STS_REGIONAL_ENDPOINTS'] === 'regional' ? `sts.${region}.amazonaws.com` : 'sts.amazonaws.com';
}
