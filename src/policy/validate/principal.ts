// Principal / NotPrincipal validation (IAM User Guide "AWS JSON policy elements: Principal", "AWS
// JSON policy elements: NotPrincipal", "IAM JSON policy element reference"): `*` or an object of
// AWS, Service, Federated and CanonicalUser entries; no partial wildcards; Federated only in trust
// policies; RCPs take exactly `"*"`.
import type { PolicyKind, PolicyProblem } from '../types.js';
import { malformed, MSG, type Path } from './messages.js';
import { isObject } from '../../json/is-object.js';
import { eachString } from './shape.js';

const AWS_VALUE = [
  /^\d{12}$/,
  /^A(IDA|ROA)[A-Z0-9]{4,124}$/,
  /^arn:[a-z-]+:iam::\d{12}:(root|(user|role)\/([^*?/]+\/)*[\w+=,.@-]+)$/,
  /^arn:[a-z-]+:sts::\d{12}:(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/,
];

export function checkPrincipal(value: unknown, path: Path, kind: PolicyKind, out: PolicyProblem[]): void {
  if (value === '*') return;
  if (kind === 'rcp' || !isObject(value) || Object.keys(value).length === 0) {
    out.push(malformed(MSG.syntax, path));
    return;
  }
  for (const [type, raw] of Object.entries(value)) {
    const at = [...path, type];
    const entries = eachString(raw, at, out);
    if (entries === null) continue;
    for (const [v, p] of entries) {
      const ok = principalValueOk(type, v, kind);
      if (ok === 'syntax') {
        out.push(malformed(MSG.syntax, at));
        break;
      }
      if (!ok) out.push(malformed(MSG.invalidPrincipal(type, v), p));
    }
  }
}

function principalValueOk(type: string, v: string, kind: PolicyKind): boolean | 'syntax' {
  switch (type) {
    case 'AWS':
      return v === '*' || AWS_VALUE.some((re) => re.test(v));
    case 'Service':
      return v !== '' && !/[*?\s]/.test(v);
    case 'Federated':
      return kind === 'trust' && v !== '' && !/[*?\s]/.test(v);
    case 'CanonicalUser':
      return kind === 'resource' && /^[0-9a-fA-F]{64}$/.test(v);
    default:
      return 'syntax';
  }
}
