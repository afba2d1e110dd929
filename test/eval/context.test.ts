// ContextEntries: every ContextKeyType, checked and fed to the conditions that read it.
import { describe, expect, it } from 'vitest';
import { contextFromEntries } from '../../src/eval/context-entries.js';
import { EvalInputError } from '../../src/eval/errors.js';
import { allow, decisions, evalRun, policy, type Json } from './helpers.js';

const entry = (name: string, type: string | undefined, ...values: string[]): Json => ({
  ContextKeyName: name,
  ContextKeyValues: values,
  ...(type === undefined ? {} : { ContextKeyType: type }),
});

/** Allowed or not: one statement whose condition reads the key, one context entry. */
async function decide(condition: Json, ctx: Json): Promise<string> {
  const d = await decisions({
    PolicyInputList: [policy(allow('s3:GetObject', '*', { Condition: condition }))],
    ActionNames: ['s3:GetObject'],
    ContextEntries: [ctx],
  });
  return d['s3:GetObject']!;
}

describe('each ContextKeyType reaches the conditions', () => {
  const cases: [string, Json, Json, Json][] = [
    [
      'string',
      { StringEquals: { 'aws:username': 'alice' } },
      entry('aws:username', 'string', 'alice'),
      entry('aws:username', 'string', 'bob'),
    ],
    [
      'stringList',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'team' } },
      entry('aws:TagKeys', 'stringList', 'env', 'team'),
      entry('aws:TagKeys', 'stringList', 'env', 'cost'),
    ],
    [
      'numeric',
      { NumericLessThan: { 's3:max-keys': '10' } },
      entry('s3:max-keys', 'numeric', '5'),
      entry('s3:max-keys', 'numeric', '12.5'),
    ],
    [
      'numericList',
      { 'ForAllValues:NumericLessThan': { 'test:sizes': '10' } },
      entry('test:sizes', 'numericList', '1', '9'),
      entry('test:sizes', 'numericList', '1', '10'),
    ],
    [
      'boolean',
      { Bool: { 'aws:SecureTransport': 'true' } },
      entry('aws:SecureTransport', 'boolean', 'TRUE'),
      entry('aws:SecureTransport', 'boolean', 'false'),
    ],
    [
      'booleanList',
      { 'ForAllValues:Bool': { 'test:flags': 'true' } },
      entry('test:flags', 'booleanList', 'true', 'True'),
      entry('test:flags', 'booleanList', 'true', 'false'),
    ],
    [
      'ip (IPv4)',
      { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      entry('aws:SourceIp', 'ip', '10.1.2.3'),
      entry('aws:SourceIp', 'ip', '192.0.2.1'),
    ],
    [
      'ip (IPv6)',
      { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
      entry('aws:SourceIp', 'ip', '2001:db8::1'),
      entry('aws:SourceIp', 'ip', '2001:db9::1'),
    ],
    [
      'ipList',
      { 'ForAnyValue:IpAddress': { 'test:hops': '203.0.113.0/24' } },
      entry('test:hops', 'ipList', '10.0.0.1', '203.0.113.9'),
      entry('test:hops', 'ipList', '10.0.0.1', '10.0.0.2'),
    ],
    [
      'binary',
      { BinaryEquals: { 'test:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } },
      entry('test:blob', 'binary', 'QmluYXJ5VmFsdWVJbkJhc2U2NA=='),
      entry('test:blob', 'binary', 'T3RoZXI='),
    ],
    [
      'binaryList',
      { 'ForAnyValue:BinaryEquals': { 'test:blobs': 'T3RoZXI=' } },
      entry('test:blobs', 'binaryList', 'QQ==', 'T3RoZXI='),
      entry('test:blobs', 'binaryList', 'QQ=='),
    ],
    [
      'date (ISO 8601)',
      { DateGreaterThan: { 'aws:CurrentTime': '2018-08-16T12:00:00Z' } },
      entry('aws:CurrentTime', 'date', '2019-04-25T11:00:00Z'),
      entry('aws:CurrentTime', 'date', '2014-04-25T11:00:00Z'),
    ],
    [
      'date (epoch seconds)',
      { DateGreaterThan: { 'aws:CurrentTime': '2018-08-16T12:00:00Z' } },
      entry('aws:CurrentTime', 'date', '1556190000'),
      entry('aws:CurrentTime', 'date', '1398423600'),
    ],
    [
      'dateList',
      { 'ForAllValues:DateLessThan': { 'test:times': '2020-01-01T00:00:00Z' } },
      entry('test:times', 'dateList', '2019-01-01', '2019-06-01T10:00:00+02:00'),
      entry('test:times', 'dateList', '2019-01-01', '2021-01-01'),
    ],
  ];
  for (const [type, condition, yes, no] of cases) {
    it(type, async () => {
      expect(await decide(condition, yes)).toBe('allowed');
      expect(await decide(condition, no)).toBe('implicitDeny');
    });
  }

  it('without ContextKeyType, one value is a string and several a stringList', async () => {
    expect(contextFromEntries([entry('aws:username', undefined, 'alice')])).toEqual({ 'aws:username': 'alice' });
    expect(contextFromEntries([entry('aws:TagKeys', undefined, 'a', 'b')])).toEqual({ 'aws:TagKeys': ['a', 'b'] });
    expect(contextFromEntries([entry('aws:TagKeys', 'stringList')])).toEqual({ 'aws:TagKeys': [] });
    expect(contextFromEntries([entry('aws:username', 'string')])).toEqual({});
  });

  it('a condition key the context lacks is reported in MissingContextValues', async () => {
    const r = await evalRun({
      PolicyInputList: [policy(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }))],
      ActionNames: ['s3:GetObject'],
    });
    expect(r.out.EvaluationResults[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:PrincipalTag/team'],
    });
  });
});

describe('ContextEntries that IAM would reject', () => {
  const rejected = (entries: Json[]): string => {
    try {
      contextFromEntries(entries);
    } catch (e) {
      if (e instanceof EvalInputError) return e.message;
      throw e;
    }
    return 'accepted';
  };
  it.each([
    [entry('s3:max-keys', 'numeric', 'ten'), '"ten" is not a numeric value (ContextKeyType numeric)'],
    [entry('aws:SecureTransport', 'boolean', 'yes'), '"yes" is not a boolean value (ContextKeyType boolean)'],
    [entry('aws:SourceIp', 'ipList', '10.0.0.1', '10.0.0.300'), '"10.0.0.300" is not a ip value (ContextKeyType ipList)'],
    [entry('test:blob', 'binary', 'not base64!'), '"not base64!" is not a binary value (ContextKeyType binary)'],
    [entry('aws:CurrentTime', 'date', '2019-13-01T00:00:00Z'), '"2019-13-01T00:00:00Z" is not a date value (ContextKeyType date)'],
    [entry('aws:username', 'string', 'a', 'b'), 'ContextKeyType string takes one value, not 2: use stringList for a multivalued key'],
    [
      entry('aws:username', 'String', 'a'),
      "1 validation error detected: Value 'String' at 'contextEntries.1.member.contextKeyType' failed to satisfy constraint: Member must satisfy enum value set: [string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date, dateList]",
    ],
    [
      entry('aws', 'string', 'a'),
      "1 validation error detected: Value 'aws' at 'contextEntries.1.member.contextKeyName' failed to satisfy constraint: Member must have length greater than or equal to 5",
    ],
  ])('%j', (e, message) => {
    expect(rejected([e])).toBe(message);
  });

  it('the same key twice, whatever its case', () => {
    expect(rejected([entry('aws:username', 'string', 'a'), entry('AWS:UserName', 'string', 'b')])).toBe(
      'context key AWS:UserName is given twice (ContextEntries[0] and ContextEntries[1]); key names ignore case',
    );
  });
});
