// `simulate test --reporter junit`: the JUnit XML that CI renders (GitHub Actions' test reporters,
// GitLab's `artifacts:reports:junit`, Jenkins' junit step), in the shape of Jenkins' schema
// (test/cli/junit/junit-10.xsd): a <testsuite> per scenario, a <testcase> per step with its failed
// expectations as <failure>s, a <testcase> per golden with its diff as a <failure>, and a scenario
// that could not run as an <error>. Written by fast-xml-parser's XMLBuilder, which escapes.
import { XMLBuilder } from 'fast-xml-parser';
import { text } from '../server/xml.js';
import type { ScenarioCheck } from './outcome.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

interface Case {
  readonly '@_name': string;
  readonly '@_classname': string;
  readonly failure?: { readonly '@_message': string; readonly '@_type': string; readonly '#text': string }[];
  readonly error?: { readonly '@_message': string; readonly '@_type': string; readonly '#text': string };
}

const seconds = (s: number): string => s.toFixed(3);

function suite(check: ScenarioCheck) {
  const classname = text(check.file);
  const cases: Case[] = [];
  if (check.error !== null) {
    const first = text(check.error.split('\n')[0]!);
    cases.push({
      '@_name': 'run',
      '@_classname': classname,
      error: { '@_message': first, '@_type': 'could not run', '#text': text(check.error) },
    });
  }
  for (const step of check.steps) {
    const failure = step.failures.map((f) => ({ '@_message': text(f), '@_type': 'expectation failed', '#text': text(f) }));
    cases.push({
      '@_name': text(`step ${step.index}: ${step.title}`),
      '@_classname': classname,
      ...(failure.length > 0 ? { failure } : {}),
    });
  }
  for (const g of check.goldens) {
    const differs = g.status !== 'same' && !g.written;
    const message = g.status === 'missing' ? 'no golden trace: run with --update to write one' : `${g.name} differs from this run`;
    const body = `${g.diff?.full ?? message}\naccept with: simulate test ${check.file} --update`;
    cases.push({
      '@_name': text(`golden ${g.name}`),
      '@_classname': classname,
      ...(differs ? { failure: [{ '@_message': text(message), '@_type': 'golden differs', '#text': text(body) }] } : {}),
    });
  }
  // a scenario that runs although its .error says it must not: its line says so
  if (check.status === 'differs' && !check.goldens.some((g) => g.status !== 'same' && !g.written))
    cases.push({
      '@_name': 'golden',
      '@_classname': classname,
      failure: [{ '@_message': text(check.what), '@_type': 'golden differs', '#text': text(check.what) }],
    });
  const failures = cases.reduce((n, c) => n + (c.failure === undefined ? 0 : 1), 0);
  return {
    '@_name': classname,
    '@_tests': String(cases.length),
    '@_failures': String(failures),
    '@_errors': String(cases.filter((c) => c.error !== undefined).length),
    '@_skipped': '0',
    '@_time': seconds(check.ms / 1000),
    '@_file': classname,
    testcase: cases,
  };
}

/** The JUnit XML of a `simulate test` run that took `totalSeconds`. */
export function junitReport(checks: readonly ScenarioCheck[], totalSeconds: number): string {
  const suites = checks.map(suite);
  const sum = (key: '@_tests' | '@_failures' | '@_errors') => String(suites.reduce((n, s) => n + Number(s[key]), 0));
  const doc = {
    testsuites: {
      '@_name': 'simulate test',
      '@_tests': sum('@_tests'),
      '@_failures': sum('@_failures'),
      '@_errors': sum('@_errors'),
      '@_time': seconds(totalSeconds),
      testsuite: suites,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(doc) as string}`;
}
