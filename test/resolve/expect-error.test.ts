// Expected error codes are checked against the codes the modelled services return
// (src/engine/error-codes.ts), with the nearest known code; `message "…"` and `message contains "…"`
// check the error's message too. Sources: AWS STS API Reference, "Common Errors"
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html) and the Errors section of
// each STS action; Amazon S3 API Reference, "Error responses"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
import { describe, expect, it } from 'vitest';
import { EMITTED_ERROR_CODES, KNOWN_ERROR_CODES } from '../../src/engine/error-codes.js';
import { failure, sim } from './run.js';

const world = `account Dev 111111111111 { user alice }\n`;
const step = (expectation: string) => `${world}step "read" { as user Dev/alice; call s3:GetObject; ${expectation} }`;
const DENIED =
  'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: s3:GetObject on resource: * because no identity-based policy allows the s3:GetObject action';

function verdicts(source: string) {
  const { trace } = sim(source);
  const item = trace.items[0];
  if (item?.kind !== 'step') throw new Error('no step');
  return item.expectations.map((e) => [e.text, e.passed, e.actual]);
}

describe('expected error codes are checked', () => {
  it('refuses a misspelt code where it is written, with the nearest known code', () => {
    const source = step('expect error AccessDeniedd');
    const e = failure(source);
    expect(e.message).toBe('unknown error code AccessDeniedd');
    expect(e.suggestion).toBe('AccessDenied');
    expect(e.pos.offset).toBe(source.indexOf('AccessDeniedd'));
    expect(e.length).toBe('AccessDeniedd'.length);
  });

  it('compares codes exactly: a code in other letters is refused, with its spelling', () => {
    expect(failure(step('expect error accessdenied')).suggestion).toBe('AccessDenied');
    expect(failure(step('expect error AccessDeniedExeption')).suggestion).toBe('AccessDeniedException');
  });

  it('refuses a code no modelled service returns, with no suggestion when none is near', () => {
    const e = failure(step('expect error Nonsense'));
    expect(e.message).toBe('unknown error code Nonsense');
    expect(e.suggestion).toBeUndefined();
  });

  it('accepts every code the engine emits and the documented ones it never produces', () => {
    for (const code of EMITTED_ERROR_CODES) expect(KNOWN_ERROR_CODES).toContain(code);
    expect(verdicts(step('expect error RegionDisabledException'))).toEqual([
      ['expect error RegionDisabledException', false, 'implicit-deny (error AccessDenied)'],
    ]);
  });

  it('lists each code once', () => {
    expect(new Set(KNOWN_ERROR_CODES).size).toBe(KNOWN_ERROR_CODES.length);
  });
});

describe('expect error CODE message "…"', () => {
  it('holds when the message is exactly the text', () => {
    expect(verdicts(step(`expect error AccessDenied message ${JSON.stringify(DENIED)}`))).toEqual([
      [
        `expect error AccessDenied message ${JSON.stringify(DENIED)}`,
        true,
        `implicit-deny (error AccessDenied): ${JSON.stringify(DENIED)}`,
      ],
    ]);
  });

  it('fails on a part of the message, showing the whole one', () => {
    expect(verdicts(step('expect error AccessDenied message "is not authorized"'))).toEqual([
      ['expect error AccessDenied message "is not authorized"', false, `implicit-deny (error AccessDenied): ${JSON.stringify(DENIED)}`],
    ]);
  });

  it('`message contains` holds on a part of the message, and fails on a wrong reason with the right code', () => {
    expect(
      verdicts(
        step(
          'expect error AccessDenied message contains "no identity-based policy"; expect error AccessDenied message contains "explicit deny"',
        ),
      ).map(([text, passed]) => [text, passed]),
    ).toEqual([
      ['expect error AccessDenied message contains "no identity-based policy"', true],
      ['expect error AccessDenied message contains "explicit deny"', false],
    ]);
  });

  it('reads a plain word as the message, and a quoted "contains" as the exact message', () => {
    expect(verdicts(step('expect error AccessDenied message contains authorized')).map(([, passed]) => passed)).toEqual([true]);
    expect(verdicts(step('expect error AccessDenied message "contains"'))[0]?.[1]).toBe(false);
  });

  it('checks the code of a message expectation too', () => {
    expect(failure(step('expect error AccesDenied message contains "x"')).suggestion).toBe('AccessDenied');
  });
});
