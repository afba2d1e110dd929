// What the walkthrough renderers need to know about the world beyond the trace model, read from the
// event log alone: names of accounts and entities, the sessions STS issued (by access key), and the
// policy documents that were declared, for the world table and the CloudTrail identities.
import { managedKind } from '../../engine/iam/aws-managed.js';
import type { LoggedEvent } from '../../engine/events.js';

export interface SessionFact {
  readonly kind: string; // 'role-session' | 'federated-user' | 'session-token' | …
  readonly accessKeyId: string;
  readonly account: string;
  readonly issuedAt: string;
  readonly expiration: string;
  readonly mfa: boolean;
  readonly roleArn?: string;
  readonly roleId?: string;
  readonly sessionName?: string;
  readonly userArn?: string; // federated users: the IAM user; session tokens: the user or root
  readonly sourceIdentity?: string | null;
}

export interface EntityFact {
  readonly kind: string;
  readonly name: string;
  readonly account: string;
  readonly id: string | null;
}

export interface PolicyText {
  readonly owner: string; // "role UpdateApp", "bucket productionapp", "managed policy X"
  readonly name: string; // "inline UpdateAppAccess", "trust policy", "bucket policy"
  readonly document: unknown;
}

export interface Facts {
  readonly accounts: ReadonlyMap<string, string>; // id → name
  readonly entities: ReadonlyMap<string, EntityFact>; // ARN → entity
  readonly sessions: ReadonlyMap<string, SessionFact>; // access key id → session
  readonly policies: readonly PolicyText[];
}

export function collectFacts(events: readonly LoggedEvent[]): Facts {
  const fold = factsFold();
  for (const event of events) fold.add(event);
  return fold.facts;
}

/** The facts, folded one event at a time (a long run's first pass, src/run-file.ts). */
export function factsFold(): { add(event: LoggedEvent): void; readonly facts: Facts } {
  const accounts = new Map<string, string>();
  const entities = new Map<string, EntityFact>();
  const sessions = new Map<string, SessionFact>();
  const policies: PolicyText[] = [];
  const nameOf = (arn: string) => {
    const e = entities.get(arn);
    return e === undefined ? arn : `${e.kind} ${e.name}`;
  };
  const add = (event: LoggedEvent): void => {
    const data = event.data as unknown as Record<string, unknown>;
    switch (event.type) {
      case 'AccountCreated':
        accounts.set(event.data.id, event.data.name);
        break;
      case 'UserCreated':
      case 'GroupCreated':
      case 'RoleCreated':
      case 'PolicyCreated': {
        const kind =
          event.type === 'UserCreated'
            ? 'user'
            : event.type === 'GroupCreated'
              ? 'group'
              : event.type === 'RoleCreated'
                ? 'role'
                : 'policy';
        entities.set(event.data.arn, { kind, name: event.data.name, account: arnAccount(event.data.arn), id: event.data.id });
        if (event.type === 'RoleCreated')
          policies.push({ owner: `role ${event.data.name}`, name: 'trust policy', document: event.data.trust });
        if (event.type === 'PolicyCreated')
          policies.push({
            owner: `${managedKind(event.data)} policy ${event.data.name}`,
            name: event.data.arn,
            document: event.data.document,
          });
        break;
      }
      case 'BucketCreated':
        entities.set(event.data.arn, { kind: 'bucket', name: event.data.name, account: event.data.account, id: null });
        break;
      case 'KeyCreated':
        entities.set(event.data.arn, { kind: 'key', name: event.data.name, account: event.data.account, id: event.data.keyId });
        break;
      case 'VpcEndpointCreated':
        entities.set(event.data.arn, { kind: 'vpc-endpoint', name: event.data.name, account: event.data.account, id: event.data.id });
        policies.push({
          owner: `vpc-endpoint ${event.data.name}`,
          name: `${event.data.id} (${event.data.name})`,
          document: event.data.document,
        });
        break;
      case 'InlinePolicyPut':
        policies.push({ owner: nameOf(event.data.entity), name: `inline ${event.data.name}`, document: event.data.document });
        break;
      case 'ResourcePolicyPut': {
        const e = entities.get(event.data.arn);
        policies.push({
          owner: nameOf(event.data.arn),
          name: e?.kind === 'bucket' ? 'bucket policy' : e?.kind === 'key' ? 'key policy' : 'resource policy',
          document: event.data.document,
        });
        break;
      }
      case 'ResourcePolicyDeleted':
        // the texts of the policies the scenario put stay: earlier steps quote them
        break;
      case 'OrganizationPolicyCreated':
        if (!event.data.awsManaged) {
          policies.push({
            owner: `organization ${event.data.policyType.toUpperCase()}`,
            name: event.data.name,
            document: event.data.document,
          });
        }
        break;
      default: {
        const s = data['session'];
        if (isSession(s)) sessions.set(s.accessKeyId, sessionFact(s));
      }
    }
  };
  return { add, facts: { accounts, entities, sessions, policies } };
}

function isSession(v: unknown): v is Record<string, unknown> & { accessKeyId: string } {
  return typeof v === 'object' && v !== null && typeof (v as { accessKeyId?: unknown }).accessKeyId === 'string';
}

function sessionFact(s: Record<string, unknown>): SessionFact {
  const text = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
  const fact: Record<string, unknown> = {
    kind: text('kind') ?? 'session',
    accessKeyId: text('accessKeyId'),
    account: text('account') ?? '',
    issuedAt: text('issuedAt') ?? '',
    expiration: text('expiration') ?? '',
    mfa: s['mfa'] !== null && s['mfa'] !== undefined,
  };
  for (const k of ['roleArn', 'roleId', 'sessionName', 'sourceIdentity']) if (text(k) !== undefined) fact[k] = text(k);
  const user = text('userArn') ?? text('principalArn');
  if (user !== undefined) fact['userArn'] = user;
  return fact as unknown as SessionFact;
}

export function arnAccount(arn: string): string {
  return arn.split(':')[4] ?? '';
}
