// The scenario's own state: title, clock, seed, and what steps remembered.
import type { CallRecord } from '../call-record.js';
import type { PolicyType } from '../../policy/types.js';

/** What expectations and `keep` need of the last call (the full record lives in its event). */
export interface LastCall {
  readonly outcome: CallRecord['outcome'];
  readonly decision: CallRecord['decision'];
  readonly error: CallRecord['error'];
  readonly response: CallRecord['response'];
  readonly decidedBy: { readonly type: PolicyType; readonly name?: string } | null;
}

export interface ScenarioState {
  title: string;
  file: string;
  seed: string;
  clock: string; // ISO-8601 UTC to the second
  /** the clock when the scenario started: when the world it declares was created */
  started: string;
  region: string;
  /** the run records every evaluation's full detail (a setting of the run, not a fact of the world) */
  detail: boolean;
  step: number; // index of the step under way, 0 before the first
  kept: Record<string, string>; // name → access key id
  /** name → an encoded authorization failure message (`keep encoded-message as NAME`) */
  messages: Record<string, string>;
  lastCall: LastCall | null;
}

/** Where a scenario runs and when its clock starts, unless it says otherwise. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_CLOCK = '2026-01-01T00:00:00Z';

/** A scenario's title, and so its seed (from which its IDs and names derive), unless it names one: its file's base name. */
export function defaultTitle(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.iam$/, '');
}

export const initialScenarioState: ScenarioState = {
  title: '',
  file: '',
  seed: '',
  clock: DEFAULT_CLOCK,
  started: DEFAULT_CLOCK,
  region: DEFAULT_REGION,
  detail: true,
  step: 0,
  kept: {},
  messages: {},
  lastCall: null,
};

/** A time as the scenario's clock writes it: ISO 8601 in UTC, to the second (`2026-01-01T09:00:00Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
