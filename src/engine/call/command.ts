// The command every API call step becomes. The engine routes it by service prefix.
import type { ContextValue } from '../../policy/types.js';
import type { PreparedToken, TokenSpec } from '../oidc/token.js';
import type { AssertionSpec } from '../saml/assertion.js';
import type { PreparedAssertion } from '../saml/state.js';

/** Who makes the call, as the scenario names it; authentication turns it into a caller. */
export type CallerRef =
  | { readonly kind: 'user'; readonly arn: string }
  | { readonly kind: 'root'; readonly account: string }
  | { readonly kind: 'kept'; readonly name: string }
  /**
   * A request signed with an access key (`simulate serve`: the key of its Signature Version 4
   * signature): a long-term key is its IAM user's, a temporary key its session's, authenticated by
   * the rules that apply to kept credentials.
   */
  | { readonly kind: 'key'; readonly accessKeyId: string }
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'service';
      readonly service: string;
      readonly sourceAccount: string | null;
      readonly sourceArn: string | null;
    }
  /**
   * A pod (ACCOUNT/CLUSTER/NAMESPACE/POD): its SDK finds credentials through the default chain.
   * `tokens` are its projected service-account tokens, read by the token service before a signed call
   * is decided (by volume name: aws-iam-token, eks-pod-identity-token); with them the SDK has still
   * to find credentials. The call it then sends, signed with what it found, has none (call/stage.ts).
   */
  | { readonly kind: 'pod'; readonly pod: string; readonly tokens?: { readonly [volume: string]: PreparedToken } }
  /**
   * A service's own session on a role it assumed for the step (CloudFormation on a stack's role):
   * the session's access key ID, and how the trace names it.
   */
  | { readonly kind: 'session'; readonly accessKeyId: string; readonly label: string }
  /**
   * Code in a Lambda function, a program on an EC2 instance or a container of an ECS task (by the
   * function's name, the instance's Name tag or ID, or the task's family or ID, in an account ID): its service first gets it a session of the role
   * (src/engine/services/workload-call.ts); the call it then sends is `signed` with it.
   */
  | {
      readonly kind: 'workload';
      readonly of: 'function' | 'instance' | 'task';
      readonly account: string;
      readonly name: string;
      readonly signed?: true;
    };

/**
 * A request a service makes for the step's request (resources/on-behalf.ts): the services that
 * made it, first first (service principals, `cloudformation.amazonaws.com`), and whose credentials
 * sign it: the caller's (a forward access session) or the service's own (a service principal or a
 * session on a role the service assumed).
 */
export interface OnBehalf {
  readonly services: readonly string[];
  readonly credentials: 'caller' | 'service';
  /** its place among the requests the service makes for the step's request (a stack's calls), from 0 */
  readonly index?: number;
}

/** A parameter value; `credentials NAME` is looked up when the call runs. */
export type ParamValue =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'list'; readonly items: readonly ParamValue[] }
  | { readonly t: 'json'; readonly v: unknown }
  | { readonly t: 'credentials'; readonly name: string }
  /** `encoded-message NAME`: the encoded authorization failure message an earlier step kept */
  | { readonly t: 'encoded-message'; readonly name: string }
  /** `token …`, `env VAR` and `file VAR` (in a pod): the token service turns them into text or `jwt` */
  | { readonly t: 'token'; readonly spec: TokenSpec }
  | { readonly t: 'env'; readonly name: string }
  | { readonly t: 'file'; readonly name: string }
  | { readonly t: 'jwt'; readonly token: PreparedToken }
  /** `saml-assertion IDP/USER …`: the SAML service turns it into `saml` (src/engine/tokens/saml.ts) */
  | { readonly t: 'assertion'; readonly spec: AssertionSpec }
  | { readonly t: 'saml'; readonly assertion: PreparedAssertion }
  /**
   * an `env`/`file` value the pod does not have: an unset variable leaves the parameter out (as an
   * SDK omits undefined members); a file that cannot be read stops the call (`fatal`)
   */
  | { readonly t: 'unset'; readonly name: string; readonly reason: string; readonly fatal: boolean };

export interface CallData {
  readonly caller: CallerRef;
  readonly action: string; // as written: service:Action
  readonly resource: string | null; // an ARN or '*', null when the step names none
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly region: string;
  /**
   * the request is sent through a VPC endpoint (its ID, vpce-…) from an address in its VPC; absent
   * for a request sent over the internet
   */
  readonly via?: { readonly endpoint: string; readonly sourceIp: string };
  /** a request a service makes for the step's request; absent for the step's own request */
  readonly onBehalf?: OnBehalf;
  /**
   * sts:AssumeRoleWithSAML made by AWS's sign-in endpoint for a console session (saml/sign-in.ts):
   * the session lasts `seconds` (from `source`), not DurationSeconds; absent for any other call
   */
  readonly console?: { readonly endpoint: string; readonly seconds: number; readonly source: string };
}

export interface CallCommand {
  readonly type: 'Call';
  readonly data: CallData;
}
