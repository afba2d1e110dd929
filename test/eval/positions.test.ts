// MatchedStatements positions: the line/column IAM's simulator reports for a statement, checked
// against published AWS output, then through `simulate eval`.
import { describe, expect, it } from 'vitest';
import { lineIndex } from '../../src/json/locate.js';
import { statementSpans } from '../../src/eval/positions.js';
import { allow, deny, evalRun, policy } from './helpers.js';

/** [Start, End] as `line:column` for each statement of a policy text. */
function spans(text: string): string[] {
  const at = lineIndex(text);
  return statementSpans(text, 0).map((s) => {
    const a = at(s.start);
    const b = at(s.end);
    return `${a.line}:${a.col}-${b.line}:${b.col}`;
  });
}

describe('statement positions as AWS reports them', () => {
  it('a lone Statement object: AWS CLI example of simulate-custom-policy (1:38 to 1:167)', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*",' +
      '"Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';
    expect(spans(text)).toEqual(['1:38-1:167']);
  });

  it('the first statement of an array, Python json.dumps spacing (recorded response: 1:41 to 1:180)', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": [{"Sid": "s3", "Effect": "Allow", "Action": ["s3:GetObject", ' +
      '"s3:DeleteObject"], "Resource": ["arn:aws:s3:::tims-fancy-bucket/only-here/*"]}]}';
    expect(spans(text)).toEqual(['1:41-1:180']);
  });

  it('a pretty-printed array starts just after "[" on its line: AdministratorAccess (3:17 to 8:6)', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}`;
    expect(spans(text)).toEqual(['3:17-8:6']);
  });

  it('later statements start where the previous one ended, at the comma', () => {
    const text = policy(deny('s3:*', '*', { Sid: 'A' }), allow('s3:*', '*', { Sid: 'B' }), allow('ec2:*'));
    const [first, second, third] = statementSpans(text, 0);
    expect(second!.start).toBe(first!.end);
    expect(text.charAt(second!.start)).toBe(',');
    expect(text.charAt(third!.start)).toBe(',');
    expect(text.charAt(third!.end - 1)).toBe('}');
    expect(third!.end).toBe(text.length - 2); // before "]}"
  });

  it('CR LF ends one line; strings holding braces, brackets and escaped quotes do not confuse it', () => {
    const text =
      '{\r\n "Version": "2012-10-17",\r\n "Statement": [\r\n  {"Sid": "A", "Effect": "Allow", "Action": "s3:*", ' +
      '"Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "a } [ \\" ]"}}},\r\n  {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}\r\n ]\r\n}';
    expect(spans(text)).toEqual(['3:16-4:129', '4:129-5:56']);
  });
});

describe('MatchedStatements through simulate eval', () => {
  it('reports the AWS CLI example exactly', async () => {
    const r = await evalRun({
      PolicyInputList: [
        '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}',
      ],
      ActionNames: ['dynamodb:CreateBackup'],
      ContextEntries: [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2019-04-25T11:00:00Z'], ContextKeyType: 'date' }],
    });
    expect(r.out).toEqual({
      EvaluationResults: [
        {
          EvalActionName: 'dynamodb:CreateBackup',
          EvalResourceName: '*',
          EvalDecision: 'allowed',
          MatchedStatements: [
            {
              SourcePolicyId: 'PolicyInputList.1',
              SourcePolicyType: 'IAM Policy',
              StartPosition: { Line: 1, Column: 38 },
              EndPosition: { Line: 1, Column: 167 },
            },
          ],
          MissingContextValues: [],
        },
      ],
      IsTruncated: false,
    });
  });

  it('names each policy as AWS does and points at the statement that decided', async () => {
    const r = await evalRun({
      CallerArn: 'arn:aws:iam::111122223333:user/alice',
      PolicyInputList: [policy(allow('s3:ListBucket')), policy(allow('s3:GetObject'), deny('s3:GetObject', 'arn:aws:s3:::secret/*'))],
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::secret/x'],
    });
    const [st] = r.out.EvaluationResults[0]!.MatchedStatements;
    expect(st).toMatchObject({ SourcePolicyId: 'PolicyInputList.2', SourcePolicyType: 'IAM Policy' });
    const text = policy(allow('s3:GetObject'), deny('s3:GetObject', 'arn:aws:s3:::secret/*'));
    expect(text.slice(st!.StartPosition.Column - 1, st!.EndPosition.Column - 1)).toBe(
      ',{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}',
    );
  });

  it('for a policy given as an object, positions are in the input file', async () => {
    const content = `{
  "PolicyInputList": [
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }
      ]
    }
  ],
  "ActionNames": ["s3:GetObject"]
}`;
    const r = await evalRun(content);
    expect(r.out.EvaluationResults[0]!.MatchedStatements[0]).toEqual({
      SourcePolicyId: 'PolicyInputList.1',
      SourcePolicyType: 'IAM Policy',
      StartPosition: { Line: 5, Column: 21 },
      EndPosition: { Line: 6, Column: 73 },
    });
  });
});
