// What one IAM API action is to the engine: how it reads a request (validation, the resource it is
// on, the keys it carries), and how IAM carries it out once it is authorized.
import type { ContextValue, Decision } from '../../../policy/types.js';
import type { EvaluationRecord } from '../../call-record.js';
import type { Caller } from '../../call/caller.js';
import type { Constraint } from '../../call/validation.js';
import type { ErrorCode } from '../../error-codes.js';
import type { World } from '../../world.js';
import type { ResourcesEvent } from '../../resources/events.js';
import type { IamEvent } from '../events.js';

/** A request IAM has received: its parameters as sent, and the caller's account (IAM acts in it). */
export interface IamRequest {
  readonly params: Readonly<Record<string, unknown>>;
  readonly who: Caller;
  /** the account the request acts in: the caller's */
  readonly account: string;
  readonly world: World;
  /** where the request was sent, and the step's own context keys (for a permission IAM checks besides: iam:PassRole) */
  readonly region: string;
  readonly stepContext: Readonly<Record<string, ContextValue>>;
}

/** How a request is read before it is authorized. */
export interface IamAddress {
  /** the resource the action is authorized on (the Service Authorization Reference's resource type) */
  readonly resource: string;
  /** condition keys the request carries (iam:PolicyARN, iam:PermissionsBoundary, …) */
  readonly keys?: Readonly<Record<string, ContextValue>>;
  readonly notes?: readonly string[];
}

export type IamOutcome =
  | {
      readonly ok: true;
      /** what changed (none for a read): IAM's world, and resource policies that named a deleted principal */
      readonly events: readonly (IamEvent | ResourcesEvent)[];
      /** the API's result element, as the AWS SDK returns it */
      readonly response: Record<string, unknown>;
      readonly notes?: readonly string[];
      /** decisions besides the request's own (the iam:PassRole a call needs) */
      readonly evaluations?: readonly EvaluationRecord[];
    }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      readonly note: string;
      readonly evaluations?: readonly EvaluationRecord[];
      /** the call was denied by a permission IAM checks besides the request's own (iam:PassRole) */
      readonly decision?: Decision;
    };

export interface IamApi {
  /** the action's request parameters (IAM API Reference), as the scenario may write them */
  readonly params: readonly string[];
  /** parameters never recorded (a password): the call record shows `<hidden>` */
  readonly secrets?: readonly string[];
  /**
   * Checks the parameters as IAM does before anything else (ValidationError, with AWS's message
   * built from `out`), and names the resource. Called with the violations still empty; when it
   * pushes any, the request fails with them and is not authorized.
   */
  readonly address: (request: IamRequest, out: Constraint[]) => IamAddress;
  /** Carries out the authorized request: IAM's own errors (NoSuchEntity, DeleteConflict, …) or the change. */
  readonly apply: (request: IamRequest) => IamOutcome;
}
