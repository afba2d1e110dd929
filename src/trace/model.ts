// The trace model: what a run showed, projected from the event log alone.
import type { CallRecord } from '../engine/call-record.js';

export interface WorldEntity {
  readonly kind:
    | 'user'
    | 'group'
    | 'role'
    | 'policy'
    | 'bucket'
    | 'key'
    | 'vpc-endpoint'
    | 'resource'
    | 'cluster'
    | 'oidc-provider'
    | 'saml-provider'
    | 'service-account'
    | 'pod'
    | 'instance-profile'
    | 'function'
    | 'instance'
    | 'identity-center'
    | 'sso-user'
    | 'sso-group'
    | 'permission-set';
  readonly name: string;
  readonly arn: string;
  readonly id: string | null;
  readonly details: string[];
}

export interface WorldAccount {
  readonly id: string;
  readonly name: string;
  readonly entities: WorldEntity[];
}

/** A root, OU or member account of the organization, with the policies attached to it directly. */
export interface TraceOrgNode {
  readonly kind: 'root' | 'ou' | 'account';
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  readonly policies: string[]; // policy ids, in the order they were attached
}

export interface TraceOrganization {
  readonly id: string;
  readonly rootId: string;
  readonly managementAccount: string;
  readonly nodes: TraceOrgNode[];
  readonly policies: { readonly id: string; readonly name: string; readonly type: 'scp' | 'rcp'; readonly awsManaged: boolean }[];
}

/** An OIDC issuer (a cluster's, or one declared with `oidc-issuer`) and the key its JWKS publishes. */
export interface TraceIssuer {
  readonly name: string;
  readonly url: string;
  readonly kid: string;
  readonly jwksUri: string;
  readonly cluster: string | null;
}

/** What happened in a step before its call: the SDK's credential chain, calls made on its behalf. */
export type TraceHop =
  /** `by`: who noted it, when not the SDK (`sign-in`: the browser's POST to AWS's sign-in endpoint) */
  | { readonly kind: 'note'; readonly label: string; readonly lines: readonly string[]; readonly by?: 'sign-in' }
  | { readonly kind: 'call'; readonly call: CallRecord };

export interface TraceExpectation {
  readonly text: string;
  readonly passed: boolean;
  readonly actual: string;
  /** a question about the world (`expect who-can`, `expect [no] path`): its answer is shown when it passes too */
  readonly question?: true;
}

export interface TraceStep {
  readonly kind: 'step';
  readonly index: number;
  readonly title: string;
  readonly at: string;
  readonly line: number | null;
  call: CallRecord | null;
  /** hops before `call` (absent or empty for most steps) */
  hops?: TraceHop[];
  /**
   * what a service did for `call` after it (CloudFormation's calls creating a stack's resources, and
   * the stack's outcome); absent for most steps
   */
  after?: TraceHop[];
  notMade: string | null;
  /** what the step's IAM call changed in the world, in words (absent when nothing) */
  changes?: string[];
  readonly expectations: TraceExpectation[];
  readonly kept: { readonly name: string; readonly accessKeyId: string | null; readonly reason: string | null }[];
  /** `keep encoded-message as NAME`: the message kept (null when there was none, and why); absent when the step keeps none */
  keptMessages?: { readonly name: string; readonly message: string | null; readonly reason: string | null }[];
}

export interface TraceWait {
  readonly kind: 'wait';
  readonly text: string;
  readonly from: string;
  readonly to: string;
}

/** A request `simulate serve` answered with an error before the engine could decide it: no step. */
export interface TraceRefused {
  readonly kind: 'refused';
  readonly method: string;
  readonly path: string;
  readonly service: string;
  readonly code: string;
  readonly message: string;
  readonly from: string;
  readonly at: string;
}

export interface TraceSummary {
  readonly steps: number;
  readonly expectations: number;
  readonly passed: number;
  readonly failed: number;
}

export interface TraceModel {
  title: string;
  description: string | null;
  file: string;
  clock: string;
  region: string;
  readonly accounts: WorldAccount[];
  organization: TraceOrganization | null;
  readonly issuers: TraceIssuer[];
  readonly items: (TraceStep | TraceWait | TraceRefused)[];
  summary: TraceSummary;
}
