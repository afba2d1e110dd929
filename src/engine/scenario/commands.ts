// The scenario's own commands: start, move the clock, open a step, check expectations, keep
// credentials.

export type ExpectationSpec =
  | { readonly kind: 'outcome'; readonly outcome: 'allowed' | 'denied' | 'explicit-deny' | 'implicit-deny' }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'denied-by'; readonly by: string; readonly name: string | null }
  | { readonly kind: 'response'; readonly path: string; readonly value: string };

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
  | { readonly type: 'KeepCredentials'; readonly data: { readonly name: string } };
