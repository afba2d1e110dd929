// The shape of a call another service carries out (api.ts): the request, and its outcome.
import type { Caller } from '../call/caller.js';
import type { EvaluationRecord } from '../call-record.js';
import type { ErrorCode } from '../error-codes.js';
import type { ContextValue, Decision } from '../../policy/types.js';
import type { World } from '../world.js';
import type { ResourcesEvent } from '../resources/events.js';
import type { ServicesEvent } from './events.js';

export interface ServiceRequest {
  readonly who: Caller;
  readonly params: Readonly<Record<string, unknown>>;
  readonly account: string;
  readonly region: string;
  readonly world: World;
  readonly stepContext: Readonly<Record<string, ContextValue>>;
  /** the step's `resource`, as written (null when it names none) */
  readonly resource?: string | null;
}

export type ServiceOutcome =
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      readonly notes: readonly string[];
      /** a second authorization (iam:PassRole) refused it */
      readonly denied?: { readonly decision: Decision; readonly evaluations: readonly EvaluationRecord[] };
    }
  | {
      readonly ok: true;
      /** what changed: the service's world, or a resource's policy (S3's PutBucketPolicy) */
      readonly events: readonly (ServicesEvent | ResourcesEvent)[];
      readonly response: Record<string, unknown>;
      readonly notes: readonly string[];
      readonly evaluations: readonly EvaluationRecord[];
    };

export interface ServiceApi {
  /** the resource the request is authorized on, or a validation error */
  address(
    req: ServiceRequest,
  ): { readonly resource: string } | { readonly code: ErrorCode; readonly message: string; readonly note: string };
  apply(req: ServiceRequest): ServiceOutcome;
}
