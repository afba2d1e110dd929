// `--format yaml`: the JSON trace's document as YAML, written as the run goes: the fields before
// the steps, each step as an item of `steps:`, then the summary; the bytes of the yaml library's
// stringify of the whole document (block style: a step's lines indented two spaces under `steps:`).
import type { stringify as Stringify } from 'yaml';
import { stepJson, traceHeadJson } from './render-json.js';
import { indentLines, type TraceWriter } from './stream.js';

export const YAML_OPTIONS = { aliasDuplicateObjects: false, lineWidth: 0 } as const;

export function yamlWriter(stringify: typeof Stringify): TraceWriter {
  let steps = 0;
  return {
    head: (model) => stringify(traceHeadJson(model), YAML_OPTIONS),
    item: (item) =>
      item.kind === 'step' ? `${steps++ === 0 ? 'steps:\n' : ''}${indentLines(stringify([stepJson(item)], YAML_OPTIONS), '  ')}` : '',
    end: (model) => `${steps === 0 ? 'steps: []\n' : ''}${stringify({ summary: model.summary }, YAML_OPTIONS)}`,
  };
}
