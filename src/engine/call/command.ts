// The command every API call step becomes. The engine routes it by service prefix.
import type { ContextValue } from '../../policy/types.js';

/** Who makes the call, as the scenario names it; authentication turns it into a caller. */
export type CallerRef =
  | { readonly kind: 'user'; readonly arn: string }
  | { readonly kind: 'root'; readonly account: string }
  | { readonly kind: 'kept'; readonly name: string }
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'service';
      readonly service: string;
      readonly sourceAccount: string | null;
      readonly sourceArn: string | null;
    };

/** A parameter value; `credentials NAME` is looked up when the call runs. */
export type ParamValue =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'list'; readonly items: readonly ParamValue[] }
  | { readonly t: 'json'; readonly v: unknown }
  | { readonly t: 'credentials'; readonly name: string };

export interface CallData {
  readonly caller: CallerRef;
  readonly action: string; // as written: service:Action
  readonly resource: string | null; // an ARN or '*', null when the step names none
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly region: string;
}

export interface CallCommand {
  readonly type: 'Call';
  readonly data: CallData;
}
