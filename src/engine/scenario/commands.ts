// The scenario's own commands: start, move the clock, open a step, check expectations, keep
// credentials.
import type { LogType } from '../log-type.js';
import type { expectationSpecSchema } from './schema.js';

/** What an `expect` line asks of the step's last call (its schema is in schema.ts: events carry it). */
export type ExpectationSpec = LogType<typeof expectationSpecSchema>;

export type ScenarioCommand =
  | {
      readonly type: 'StartScenario';
      readonly data: {
        readonly title: string;
        readonly description: string | null;
        readonly file: string;
        readonly seed: string;
        readonly clock: string;
        readonly region: string;
        /** record every evaluation's full detail (what --explain shows); absent: recorded */
        readonly detail?: boolean;
      };
    }
  | { readonly type: 'AdvanceClock'; readonly data: { readonly seconds: number; readonly text: string } }
  | { readonly type: 'StartStep'; readonly data: { readonly index: number; readonly title: string } }
  | { readonly type: 'CheckExpectation'; readonly data: { readonly text: string; readonly spec: ExpectationSpec } }
  | { readonly type: 'KeepCredentials'; readonly data: { readonly name: string } }
  /** `keep encoded-message as NAME`: the encoded authorization failure message of the step's denial */
  | { readonly type: 'KeepEncodedMessage'; readonly data: { readonly name: string } }
  /** `simulate serve`: a request answered with an error before the engine could decide it */
  | {
      readonly type: 'RefuseRequest';
      readonly data: {
        readonly method: string;
        readonly path: string;
        readonly service: string;
        readonly code: string;
        readonly message: string;
        readonly from: string;
      };
    };
