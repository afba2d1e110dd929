// Run a scenario text in memory; return the simulation or the located error it raised.
import { ScenarioError } from '../../src/errors.js';
import { simulate, type Simulation } from '../../src/simulate.js';

export function sim(source: string, files: Record<string, string> = {}): Simulation {
  return simulate(source, 'test.iam', {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return { text, file: path };
    },
  });
}

export function failure(source: string, files: Record<string, string> = {}): ScenarioError {
  try {
    sim(source, files);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('the scenario ran, but an error was expected');
}
