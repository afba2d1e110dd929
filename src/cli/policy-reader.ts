// How a scenario's policy files are read from disk: a path as the scenario writes it, relative to
// the scenario's folder (or absolute), named in messages relative to the current folder.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

export function policyFileReader(scenarioFile: string): (path: string) => { text: string; file: string } {
  return (path) => {
    const full = isAbsolute(path) ? path : join(dirname(scenarioFile), path);
    return { text: readFileSync(full, 'utf8'), file: relative('.', full) || full };
  };
}
