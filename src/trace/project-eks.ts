// The trace of EKS and OIDC: clusters, service accounts, pods (with what the webhook injected),
// IAM OIDC providers and issuers in the world; the SDK's credential chain and EKS Pod Identity's
// exchange as hops of a step.
import type { EksEvent } from '../engine/eks/index.js';
import type { OidcEvent } from '../engine/oidc/index.js';
import { tokenSummary } from '../engine/oidc/token.js';
import type { ResourcesEvent } from '../engine/resources/index.js';
import type { TraceHop, TraceModel, TraceStep, WorldEntity } from './model.js';

type Add = (account: string, entity: WorldEntity) => void;

export function projectOidc(model: TraceModel, event: OidcEvent, add: Add): void {
  switch (event.type) {
    case 'OidcIssuerRegistered': {
      const i = event.data.issuer;
      model.issuers.push({ name: i.name, url: i.url, kid: i.kid, jwksUri: i.jwksUri, cluster: i.cluster });
      return;
    }
    case 'OpenIDConnectProviderCreated': {
      const p = event.data.provider;
      const details = [`client IDs ${p.clientIds.length ? p.clientIds.join(', ') : 'none'}`];
      if (p.thumbprints.length) details.push(`thumbprints ${p.thumbprints.join(', ')}`);
      if (p.cluster) details.push(`for cluster ${p.cluster.slice(p.cluster.lastIndexOf('/') + 1)}`);
      add(p.account, { kind: 'oidc-provider', name: p.url.replace(/^https:\/\//, ''), arn: p.arn, id: null, details });
      return;
    }
    default: {
      const unreachable: never = event;
      throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
    }
  }
}

export function projectEks(model: TraceModel, event: EksEvent, add: Add, step: TraceStep | null): void {
  const clusterName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  switch (event.type) {
    case 'ClusterCreated': {
      const c = event.data.cluster;
      add(c.account, { kind: 'cluster', name: c.name, arn: c.arn, id: null, details: [`region ${c.region}`, `issuer ${c.issuer}`] });
      return;
    }
    case 'NamespaceCreated':
      return;
    case 'ServiceAccountCreated': {
      const sa = event.data.serviceAccount;
      const account = model.accounts.find((a) => sa.cluster.includes(`:${a.id}:`));
      const details = Object.entries(sa.annotations).map(([k, v]) => `annotation ${k}=${v}`);
      add(account?.id ?? '', {
        kind: 'service-account',
        name: `${sa.namespace}/${sa.name}`,
        arn: `in cluster ${clusterName(sa.cluster)}`,
        id: sa.uid,
        details,
      });
      return;
    }
    case 'PodIdentityAssociationCreated': {
      const a = event.data.association;
      const account = model.accounts.find((x) => a.cluster.includes(`:${x.id}:`));
      const sa = account?.entities.find(
        (e) =>
          e.kind === 'service-account' &&
          e.name === `${a.namespace}/${a.serviceAccount}` &&
          e.arn === `in cluster ${clusterName(a.cluster)}`,
      );
      sa?.details.push(`EKS Pod Identity association ${a.id} → ${a.roleArn}`);
      return;
    }
    case 'PodAdmitted': {
      const p = event.data.pod;
      const env = Object.entries(p.env).map(([k, v]) => `${k}=${v}`);
      const details = env.length ? [`env ${env.join(', ')}`] : ['not mutated by the webhook'];
      for (const t of p.tokens)
        details.push(`token volume ${t.volume} at ${t.mountPath} (audience ${t.audience}, ${t.expirationSeconds}s)`);
      add(p.account, {
        kind: 'pod',
        name: `${p.namespace}/${p.name}`,
        arn: `in cluster ${p.clusterName}, service account ${p.serviceAccount}`,
        id: p.uid,
        details,
      });
      return;
    }
    case 'CredentialChainResolved': {
      const lines = event.data.chain.map((l) => `${l.provider.padEnd(15)} ${l.found}`);
      // IRSA: the token shows in the AssumeRoleWithWebIdentity hop; Pod Identity: here
      if (event.data.provider === 'container') lines.push(`token          ${tokenSummary(event.data.token)}`);
      note(step, { kind: 'note', label: "the SDK's default credential chain (AWS SDK for JavaScript v3)", lines });
      return;
    }
    case 'CredentialChainFailed':
      note(step, {
        kind: 'note',
        label: "the SDK's default credential chain (AWS SDK for JavaScript v3)",
        lines: event.data.chain.map((l) => `${l.provider.padEnd(15)} ${l.found}`),
      });
      if (step) step.call = event.data.call;
      return;
    case 'PodIdentityTokenExchanged':
      note(step, { kind: 'note', label: 'EKS Pod Identity Agent → EKS Auth', lines: [...event.data.notes] });
      return;
    case 'PodIdentityTokenRefused':
      if (step) step.call = event.data.call;
      return;
    case 'PodCredentialsObtained':
      note(step, {
        kind: 'note',
        label: `the SDK now holds credentials ${event.data.accessKeyId}, until ${event.data.expiration}`,
        lines: [],
      });
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A step's calls: a later one pushes the earlier into the hops; one a service made for the step's
 * call (call/command.ts OnBehalf) comes after it.
 */
export function setCall(step: TraceStep, call: TraceStep['call']): void {
  if (call !== null && call.onBehalf !== undefined && step.call !== null) {
    (step.after ??= []).push({ kind: 'call', call });
    return;
  }
  if (step.call !== null) (step.hops ??= []).push({ kind: 'call', call: step.call });
  step.call = call;
}

/** A stack's outcome, after CloudFormation's calls (resources/stack-workflow.ts). */
export function stackNote(event: Extract<ResourcesEvent, { type: 'StackCreated' | 'StackCreateFailed' }>): TraceHop {
  const d = event.data;
  const lines = d.resources.map((r) => `${r.logicalId.padEnd(14)} ${r.type} ${r.physicalId}`);
  if (event.type === 'StackCreated') return { kind: 'note', label: `stack ${d.name} created: CREATE_COMPLETE (${d.stackId})`, lines };
  const f = event.data.failed;
  return {
    kind: 'note',
    label: `stack ${d.name} failed: CREATE_FAILED at ${f.logicalId} (${f.type})`,
    lines: [
      `reason: ${f.reason}`,
      ...lines,
      ...(d.resources.length > 0 ? ['rollback is not modelled: CloudFormation would delete the resources above; iamsim keeps them'] : []),
    ],
  };
}

/** A note after a call: the call becomes a hop first, so the hops stay in order. */
export function note(step: TraceStep | null, hop: TraceHop): void {
  if (step === null) return;
  const hops = (step.hops ??= []);
  if (step.call !== null) {
    hops.push({ kind: 'call', call: step.call });
    step.call = null;
  }
  hops.push(hop);
}
