// `simulate import`: the output of `aws iam get-account-authorization-details` (every page of every
// account), optionally an organization bundle and bucket and key policies, written as a `.iam` world
// (docs/cli.md "simulate import"). Bad input is a ScenarioError located in the input file.
import { readModel } from './read.js';
import { readSource } from './source.js';
import { writeWorld, type WriteSummary } from './write.js';

export interface ImportInput {
  readonly name: string;
  readonly text: string;
}

export interface ImportResult {
  /** the world, as .iam text */
  readonly text: string;
  readonly summary: WriteSummary;
}

export function importWorld(inputs: readonly ImportInput[]): ImportResult {
  const files = inputs.map((i) => readSource(i.name, i.text));
  const model = readModel(files);
  return writeWorld(
    model,
    inputs.map((i) => i.name),
  );
}

export type { WriteSummary };
