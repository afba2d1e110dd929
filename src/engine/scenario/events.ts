// The scenario's events.
import type { ExpectationSpec } from './commands.js';

export type ScenarioEvent =
  | {
      readonly type: 'ScenarioStarted';
      readonly data: {
        readonly title: string;
        readonly description: string | null;
        readonly file: string;
        readonly seed: string;
        readonly clock: string;
        readonly region: string;
        /**
         * whether every evaluation of the run records its full detail (EvaluationRecord.detail), which
         * --explain and the Markdown walkthrough show; absent in event logs written before the choice
         */
        readonly detail?: boolean;
      };
    }
  | {
      readonly type: 'ClockAdvanced';
      readonly data: { readonly from: string; readonly to: string; readonly text: string };
    }
  | {
      readonly type: 'StepStarted';
      readonly data: { readonly index: number; readonly title: string; readonly at: string };
    }
  | {
      readonly type: 'CallNotMade';
      readonly data: { readonly action: string; readonly reason: string };
    }
  | {
      readonly type: 'ExpectationChecked';
      readonly data: {
        readonly text: string;
        readonly spec: ExpectationSpec;
        readonly passed: boolean;
        readonly actual: string;
      };
    }
  | { readonly type: 'CredentialsKept'; readonly data: { readonly name: string; readonly accessKeyId: string } }
  | { readonly type: 'CredentialsNotKept'; readonly data: { readonly name: string; readonly reason: string } };
