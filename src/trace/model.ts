// The trace model: what a run showed, projected from the event log alone.
import type { CallRecord } from '../engine/call-record.js';

export interface WorldEntity {
  readonly kind: 'user' | 'group' | 'role' | 'policy' | 'bucket' | 'resource';
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

export interface TraceExpectation {
  readonly text: string;
  readonly passed: boolean;
  readonly actual: string;
}

export interface TraceStep {
  readonly kind: 'step';
  readonly index: number;
  readonly title: string;
  readonly at: string;
  readonly line: number | null;
  call: CallRecord | null;
  notMade: string | null;
  readonly expectations: TraceExpectation[];
  readonly kept: { readonly name: string; readonly accessKeyId: string | null; readonly reason: string | null }[];
}

export interface TraceWait {
  readonly kind: 'wait';
  readonly text: string;
  readonly from: string;
  readonly to: string;
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
  readonly items: (TraceStep | TraceWait)[];
  summary: TraceSummary;
}
