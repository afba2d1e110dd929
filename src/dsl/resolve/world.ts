// Account declarations become IAM and resource commands, in an order where everything a command
// refers to already exists: accounts, then per account managed policies, groups, users, roles and
// resources.
import type { CommandEnvelope } from '../../engine/events.js';
import { metaOf } from '../../engine/envelope.js';
import type { AccountDecl, AttachDecl, Entry, InlineDecl, KmsKeyDecl, Loc, ResourceItem, TagsDecl, Text } from '../ast.js';
import type { AccountSym } from './account-sym.js';
import type { BodyContext } from './context.js';
import { policySize } from '../../policy/index.js';
import { policyDocument } from './policy-body.js';
import { durationSeconds } from './values.js';
import { AWS_POLICY_ACCOUNT, isAwsManagedPolicy } from '../../engine/iam/aws-managed.js';
import { nearest } from '../../errors.js';

type Emit = (command: CommandEnvelope['command'], loc: Loc) => void;

const NAME = /^[\w+=,.@-]+$/;

function checkIamName(name: Text, what: string, max: number, ctx: Omit<BodyContext, 'here'>): void {
  if (!NAME.test(name.text) || name.text.length > max) {
    throw ctx.resolver.at.error(name.loc, `${what} name "${name.text}" is not valid in IAM`, {
      length: name.text.length,
      expected: `1 to ${max} letters, digits or + = , . @ _ -`,
    });
  }
}

/**
 * A declared managed policy's `version vN`: the id IAM gives its default version (GetPolicy's
 * DefaultVersionId), as an account's or AWS's policy has after its edits; absent, v1. IAM's version
 * ids are `v` and a number (IAM API Reference, PolicyVersion: VersionId, pattern v[1-9][0-9]*(\.[A-Za-z0-9-]*)?;
 * iamsim takes the numbered form).
 */
function policyVersion(version: Text | null, ctx: Omit<BodyContext, 'here'>): { version?: string } {
  if (version === null) return {};
  if (!/^v[1-9][0-9]{0,8}$/.test(version.text)) {
    throw ctx.resolver.at.error(version.loc, `"${version.text}" is not a policy version id`, {
      length: version.text.length,
      expected: 'v and a number, such as v1 or v12: the id of the default version',
    });
  }
  return { version: version.text };
}

/**
 * The AWS managed policies a scenario declares: created in IAM's state under the account `aws`,
 * before any account's declarations, which may attach them.
 */
export function awsPolicyCommands(ctx: Omit<BodyContext, 'here'>, emit: Emit): void {
  for (const [arn, m] of ctx.resolver.symbols.awsPolicies) {
    checkIamName(m.name, 'policy', 128, ctx);
    const document = policyDocument(m.body, 'managed', `AWS managed policy ${m.name.text}`, { ...ctx, here: null });
    const path = m.path?.text ?? '/'; // checked when the symbols were collected
    const data = { arn, name: m.name.text, path, account: AWS_POLICY_ACCOUNT, document, ...policyVersion(m.version, ctx) };
    emit({ type: 'CreatePolicy', data }, m.loc);
  }
}

export function accountCommands(sym: AccountSym, ctx0: Omit<BodyContext, 'here'>, emit: Emit): void {
  const ctx: BodyContext = { ...ctx0, here: sym };
  const at = ctx.resolver.at;
  const decl: AccountDecl = sym.decl;
  const checkName = (name: Text, what: string, max: number) => checkIamName(name, what, max, ctx);
  // The inline policies of a user, group or role share one size quota (IAM and AWS STS quotas: the
  // aggregate of all inline policies of the entity, in non-white-space characters): each policy is
  // checked with the size its owner's other inline policies already use. A policy put again under
  // the same name replaces the earlier one, as PutUserPolicy does, so its old size no longer counts.
  const inlineSizes = new Map<string, Map<string, number>>();
  const inline = (kind: 'user' | 'group' | 'role', owner: { arn: string; name: string }, m: InlineDecl) => {
    checkName(m.name, 'policy', 128);
    const sizes = inlineSizes.get(owner.arn) ?? new Map<string, number>();
    inlineSizes.set(owner.arn, sizes);
    let otherPoliciesSize = 0;
    for (const [name, size] of sizes) if (name !== m.name.text) otherPoliciesSize += size;
    const document = policyDocument(m.body, 'identity', `inline policy ${m.name.text} of ${kind} ${owner.name}`, ctx, {
      inline: { owner: kind, name: owner.name, otherPoliciesSize },
    });
    sizes.set(m.name.text, policySize(document));
    emit({ type: 'PutInlinePolicy', data: { entity: owner.arn, name: m.name.text, document } }, m.loc);
  };
  const attach = (owner: string, m: AttachDecl) => {
    for (const p of m.policies) emit({ type: 'AttachPolicy', data: { entity: owner, policy: managedArn(p) } }, m.loc);
  };
  const managedArn = (p: ResourceItem): string => {
    const text = p.kind === 'Text' ? p : p.target;
    const raw = text.text;
    if (isAwsManagedPolicy(raw)) return awsPolicyRef(text, ctx);
    if (raw.startsWith('arn:')) {
      const found = ctx.resolver.symbols.accounts
        .flatMap((a) => [...a.entities.values()])
        .find((e) => e.arn === raw && e.kind === 'policy');
      if (!found)
        throw at.error(text.loc, `managed policy ${raw} is not defined in the scenario`, {
          length: raw.length,
          expected: 'a `policy NAME { … }` declared in an account',
        });
      return found.arn;
    }
    return ctx.resolver.entity('policy', text, sym).arn;
  };
  /** A checked name, then the fields every Create command of an entity starts with. */
  const entity = (kind: 'user' | 'group' | 'role' | 'policy', name: Text, max: number) => {
    checkName(name, kind, max);
    const e = ctx.resolver.entity(kind, name, sym);
    return { arn: e.arn, name: e.name, path: pathFromArn(e.arn, kind, e.name), account: sym.id };
  };
  const tags = (owner: string, m: TagsDecl) => emit({ type: 'TagEntity', data: { entity: owner, tags: tagMap(m.entries, ctx) } }, m.loc);

  for (const m of decl.members) {
    if (m.kind !== 'ManagedPolicy') continue;
    const e = entity('policy', m.name, 128);
    const document = policyDocument(m.body, 'managed', `managed policy ${m.name.text}`, ctx);
    emit({ type: 'CreatePolicy', data: { ...e, document, ...policyVersion(m.version, ctx) } }, m.loc);
  }
  for (const m of decl.members) {
    if (m.kind !== 'Group') continue;
    const e = entity('group', m.name, 128);
    emit({ type: 'CreateGroup', data: e }, m.loc);
    for (const g of m.members) {
      if (g.kind === 'Inline') inline('group', e, g);
      else if (g.kind === 'Attach') attach(e.arn, g);
    }
  }
  for (const m of decl.members) {
    if (m.kind !== 'User') continue;
    const e = entity('user', m.name, 64);
    emit({ type: 'CreateUser', data: e }, m.loc);
    for (const u of m.members) {
      switch (u.kind) {
        case 'Groups':
          for (const g of u.groups) {
            const group = ctx.resolver.entity('group', g.kind === 'Text' ? g : g.target, sym);
            if (group.account !== sym.id) {
              throw at.error(g.loc, `user ${e.name} cannot join group ${group.name} of another account`, {
                expected: `a group of account ${sym.name}`,
              });
            }
            emit({ type: 'AddUserToGroup', data: { user: e.arn, group: group.arn } }, u.loc);
          }
          break;
        case 'Inline':
          inline('user', e, u);
          break;
        case 'Attach':
          attach(e.arn, u);
          break;
        case 'Boundary':
          emit({ type: 'PutPermissionsBoundary', data: { entity: e.arn, policy: managedArn(u.policy) } }, u.loc);
          break;
        case 'Tags':
          tags(e.arn, u);
          break;
        case 'Path':
          break;
        case 'MfaDevice': {
          const mfa = ctx.resolver.entity('mfa', u.name, sym);
          if (u.code !== null && !/^\d{6}$/.test(u.code.text)) {
            throw at.error(u.code.loc, `MFA code "${u.code.text}" is not 6 digits`, {
              length: u.code.text.length,
              expected: 'the six-digit code the device shows',
            });
          }
          emit({ type: 'EnableMfaDevice', data: { user: e.arn, serialNumber: mfa.arn, code: u.code?.text ?? null } }, u.loc);
          break;
        }
        case 'AccessKey':
          emit({ type: 'CreateAccessKey', data: { user: e.arn } }, u.loc);
          break;
        default: {
          const unreachable: never = u;
          throw new Error(`bug: unknown user member ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }
  for (const m of decl.members) {
    if (m.kind !== 'Role') continue;
    const e = entity('role', m.name, 64);
    const trust = m.members.find((r) => r.kind === 'Trust');
    if (!trust) {
      throw at.error(m.name.loc, `role ${e.name} has no trust policy`, {
        length: e.name.length,
        expected: 'a `trust { allow principal … action sts:AssumeRole }` block (IAM requires one for every role)',
      });
    }
    const max = m.members.find((r) => r.kind === 'MaxSessionDuration');
    const seconds = max ? durationSeconds(max.duration, at) : 3600;
    if (max && (seconds < 3600 || seconds > 43200)) {
      throw at.error(
        max.duration.loc,
        `1 validation error detected: Value '${seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value ${seconds < 3600 ? 'greater than or equal to 3600' : 'less than or equal to 43200'}`,
        {
          length: max.duration.text.length,
          expected: 'a maximum session duration from 1h to 12h',
        },
      );
    }
    const description = m.members.find((r) => r.kind === 'Description');
    const document = policyDocument(trust.body, 'trust', `trust policy of role ${e.name}`, ctx);
    emit(
      {
        type: 'CreateRole',
        data: {
          ...e,
          maxSessionDuration: seconds,
          trust: document,
          description: description?.text.text ?? null,
        },
      },
      m.loc,
    );
    for (const r of m.members) {
      if (r.kind === 'Inline') inline('role', e, r);
      else if (r.kind === 'Attach') attach(e.arn, r);
      else if (r.kind === 'Boundary')
        emit({ type: 'PutPermissionsBoundary', data: { entity: e.arn, policy: managedArn(r.policy) } }, r.loc);
      else if (r.kind === 'Tags') tags(e.arn, r);
    }
  }
  for (const m of decl.members) {
    switch (m.kind) {
      case 'Bucket': {
        const arn = `arn:aws:s3:::${m.name.text}`;
        if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(m.name.text)) {
          throw at.error(m.name.loc, `bucket name "${m.name.text}" is not valid in S3`, {
            length: m.name.text.length,
            expected: '3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit',
          });
        }
        emit({ type: 'CreateBucket', data: { name: m.name.text, arn, account: sym.id } }, m.loc);
        resourceMembers(arn, `bucket policy of ${m.name.text}`, m.members, ctx, emit);
        break;
      }
      case 'Resource': {
        const arn = m.arn.text;
        if (!/^arn:aws[\w-]*:[a-z0-9-]+:[^:]*:[^:]*:.+$/.test(arn)) {
          throw at.error(m.arn.loc, `"${arn}" is not a resource ARN`, {
            length: arn.length,
            expected: 'an ARN such as arn:aws:sqs:us-east-1:111111111111:queue',
          });
        }
        const owner = arn.split(':')[4];
        if (owner && owner !== sym.id) {
          throw at.error(m.arn.loc, `resource ${arn} names account ${owner}, but it is declared in account ${sym.name} (${sym.id})`, {
            length: arn.length,
            expected: `an ARN of account ${sym.id}, or the declaration inside the account that owns it`,
          });
        }
        const kmsKey = /^arn:aws[\w-]*:kms:([^:]+):\d{12}:key\/(.+)$/.exec(arn);
        if (kmsKey) {
          // a KMS key given by its ARN is a key all the same: its policy is a key policy
          const [, region, keyId] = kmsKey as unknown as [string, string, string];
          emit({ type: 'CreateKey', data: { name: keyId, arn, keyId, account: sym.id, region, aliases: [] } }, m.loc);
          if (!m.members.some((x) => x.kind === 'ResourcePolicy')) {
            emit({ type: 'PutResourcePolicy', data: { arn, document: defaultKeyPolicy(sym.id) } }, m.loc);
          }
          resourceMembers(arn, `key policy of ${keyId}`, m.members, ctx, emit);
          break;
        }
        emit({ type: 'RegisterResource', data: { arn, account: sym.id } }, m.loc);
        resourceMembers(arn, `resource policy of ${arn}`, m.members, ctx, emit);
        break;
      }
      case 'KmsKey':
        kmsKey(sym, m, ctx, emit);
        break;
      case 'Cluster':
      case 'OidcProvider':
      case 'OidcIssuer':
        break; // eks.ts and oidc.ts
      case 'Tags':
        throw at.unsupported(m.loc, 'tags on an account', 4);
      default:
        break;
    }
  }
}

/**
 * A KMS key: its ARN (`arn:aws:kms:REGION:ACCOUNT:key/KEY-ID`, from pass 1), its aliases, its key
 * policy — AWS's default key policy when the scenario gives none (AWS KMS Developer Guide "Default
 * key policy": one statement that allows the account and so enables IAM policies) — and its tags.
 */
function kmsKey(sym: AccountSym, m: KmsKeyDecl, ctx: BodyContext, emit: Emit): void {
  const at = ctx.resolver.at;
  if (!/^[\w.-]{1,128}$/.test(m.name.text)) {
    throw at.error(m.name.loc, `key name "${m.name.text}" is not valid`, {
      length: m.name.text.length,
      expected: "1 to 128 letters, digits, dots, hyphens and underscores (the scenario's name for the key; AWS names it by its key ID)",
    });
  }
  const arn = ctx.resolver.entity('key', m.name, sym).arn;
  const region = arn.split(':')[3]!;
  const aliases: string[] = [];
  for (const a of m.members) {
    if (a.kind !== 'KmsAlias') continue;
    const alias = a.name.text.startsWith('alias/') ? a.name.text : `alias/${a.name.text}`;
    // KMS API Reference "CreateAlias": alias/ then letters, digits, / _ -; alias/aws/ is reserved
    if (!/^alias\/[a-zA-Z0-9/_-]+$/.test(alias) || alias.length > 256 || alias.startsWith('alias/aws/')) {
      throw at.error(a.name.loc, `alias name "${a.name.text}" is not valid in KMS`, {
        length: a.name.text.length,
        expected: 'letters, digits, /, _ and - after alias/ (at most 256 characters), not beginning with alias/aws/',
      });
    }
    const taken = sym.decl.members.some(
      (other) =>
        other.kind === 'KmsKey' && other !== m && other.members.some((x) => x.kind === 'KmsAlias' && sameAlias(x.name.text, alias)),
    );
    if (taken || aliases.includes(alias)) {
      throw at.error(a.name.loc, `alias ${alias} is already used in account ${sym.name}: an alias names one key of an account and Region`, {
        length: a.name.text.length,
      });
    }
    aliases.push(alias);
  }
  const keyId = arn.slice(arn.indexOf(':key/') + 5);
  emit({ type: 'CreateKey', data: { name: m.name.text, arn, keyId, account: sym.id, region, aliases } }, m.loc);
  const members = m.members.filter((x) => x.kind !== 'KmsAlias');
  if (!members.some((x) => x.kind === 'ResourcePolicy')) {
    emit({ type: 'PutResourcePolicy', data: { arn, document: defaultKeyPolicy(sym.id) } }, m.loc);
  }
  resourceMembers(arn, `key policy of ${m.name.text}`, members, ctx, emit);
}

const sameAlias = (text: string, alias: string) => (text.startsWith('alias/') ? text : `alias/${text}`) === alias;

/** AWS KMS Developer Guide "Default key policy": the whole default policy of a key created programmatically. */
function defaultKeyPolicy(account: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM policies',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

function resourceMembers(
  arn: string,
  label: string,
  members: readonly ({ kind: 'ResourcePolicy'; body: import('../ast.js').PolicyBody; loc: Loc } | TagsDecl)[],
  ctx: BodyContext,
  emit: Emit,
): void {
  for (const r of members) {
    if (r.kind === 'ResourcePolicy') {
      const document = policyDocument(r.body, 'resource', label, ctx);
      emit({ type: 'PutResourcePolicy', data: { arn, document } }, r.loc);
    } else {
      emit({ type: 'TagResource', data: { arn, tags: tagMap(r.entries, ctx) } }, r.loc);
    }
  }
}

export function tagMap(entries: readonly Entry[], ctx: BodyContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const v = e.value;
    if (v.kind !== 'Text' && v.kind !== 'Ref') {
      throw ctx.resolver.at.error(v.loc, `tag ${e.key.text} needs a plain value`, { expected: 'a word or a quoted string' });
    }
    out[e.key.text] = v.kind === 'Text' ? v.text : ctx.resolver.refArn(v.entity, v.target, ctx.here);
  }
  return out;
}

function pathFromArn(arn: string, kind: string, name: string): string {
  const rest = arn.slice(arn.indexOf(`:${kind}/`) + kind.length + 1);
  return rest.slice(0, rest.length - name.length);
}

export { metaOf };

/**
 * An AWS managed policy named by its ARN where the world must hold it (attach, boundary, a
 * permission set's managed policies and boundary): one the scenario declares with
 * `aws-managed-policy`, as iamsim carries only the documents a scenario gives. A call's parameters
 * (PolicyArns, PolicyArn) take an ARN as written: the engine answers for an undeclared one.
 */
export function awsPolicyRef(text: Text, ctx: Pick<BodyContext, 'resolver'>): string {
  const declared = ctx.resolver.symbols.awsPolicies;
  if (declared.has(text.text)) return text.text;
  const rest = text.text.slice(text.text.indexOf(':policy/') + ':policy'.length);
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  const path = rest.slice(0, rest.length - name.length);
  const suggestion = nearest(text.text, declared.keys());
  throw ctx.resolver.at.error(text.loc, `AWS managed policy ${text.text} is not declared in the scenario`, {
    length: text.text.length,
    expected: `\`aws-managed-policy ${name}${path === '/' ? '' : ` path ${path}`} { … }\` at the top level, with the document AWS publishes (aws iam get-policy-version)`,
    ...(suggestion ? { suggestion } : {}),
  });
}
