// Pass 1: every name a scenario declares, and how a reference resolves to an ARN.
// `Account/name` is always exact; a bare name means the enclosing account's entity if it has one,
// else the only account that has one; an ARN is taken as written.
import { nearest } from '../../errors.js';
import { kmsKeyId } from '../../engine/ids.js';
import { awsPolicyArn } from '../../engine/iam/aws-managed.js';
import { DEFAULT_REGION, defaultTitle } from '../../engine/scenario/state.js';
import type { AwsManagedPolicyDecl, RefEntity, ScenarioFile, Text, SamlIdpDecl } from '../ast.js';
import type { AccountSym, EntityKind, EntitySym } from './account-sym.js';
import { collectEks, findCluster, type EksSymbols } from './eks-symbols.js';
import type { Located } from './located.js';

export interface Symbols {
  readonly accounts: AccountSym[];
  readonly byName: Map<string, AccountSym>;
  readonly byId: Map<string, AccountSym>;
  readonly eks: EksSymbols;
  /** `saml-idp` declarations by name (src/dsl/resolve/saml.ts) */
  readonly samlIdps: ReadonlyMap<string, SamlIdpDecl>;
  /** `aws-managed-policy` declarations by ARN (`arn:aws:iam::aws:policy/[PATH]NAME`) */
  readonly awsPolicies: ReadonlyMap<string, AwsManagedPolicyDecl>;
}

export function arnOf(kind: EntityKind, account: string, name: string, path = '/'): string {
  switch (kind) {
    case 'bucket':
      return `arn:aws:s3:::${name}`;
    case 'mfa':
      return `arn:aws:iam::${account}:mfa/${name}`;
    default:
      return `arn:aws:iam::${account}:${kind}${path}${name}`;
  }
}

/**
 * A KMS key's ARN, `arn:aws:kms:REGION:ACCOUNT:key/KEY-ID`, in the scenario's Region; the key ID is
 * a UUID derived from the seed (the title, as the engine's), the account and the key's name.
 */
function kmsKeyArn(ast: ScenarioFile, account: string, name: string): string {
  const regionItem = ast.items.find((i) => i.kind === 'Region');
  const region = regionItem?.kind === 'Region' ? regionItem.name.text : DEFAULT_REGION;
  const title = ast.items.find((i) => i.kind === 'ScenarioTitle');
  const seed = title?.kind === 'ScenarioTitle' ? title.title.text : defaultTitle(ast.file);
  return `arn:aws:kms:${region}:${account}:key/${kmsKeyId(seed, account, name)}`;
}

export function collectSymbols(ast: ScenarioFile, at: Located): Symbols {
  const accounts: AccountSym[] = [];
  const byName = new Map<string, AccountSym>();
  const byId = new Map<string, AccountSym>();
  const buckets = new Map<string, EntitySym>();
  for (const item of ast.items) {
    if (item.kind !== 'Account') continue;
    const { name, id } = item;
    if (!/^\d{12}$/.test(id.text)) {
      throw at.error(id.loc, `account ID "${id.text}" is not 12 digits`, {
        length: id.text.length,
        expected: 'a 12-digit account ID such as 111111111111',
      });
    }
    if (byName.has(name.text)) throw at.error(name.loc, `account ${name.text} is declared twice`, { length: name.text.length });
    if (byId.has(id.text))
      throw at.error(id.loc, `account ID ${id.text} is already used by account ${byId.get(id.text)!.name}`, { length: id.text.length });
    const sym: AccountSym = { name: name.text, id: id.text, decl: item, entities: new Map() };
    const add = (kind: EntityKind, text: Text, path = '/') => {
      const key = `${kind}:${text.text}`;
      if (sym.entities.has(key))
        throw at.error(text.loc, `${kind} ${name.text}/${text.text} is declared twice`, { length: text.text.length });
      const arn = kind === 'key' ? kmsKeyArn(ast, id.text, text.text) : arnOf(kind, id.text, text.text, path);
      const entity: EntitySym = { kind, name: text.text, arn, account: id.text, decl: text };
      sym.entities.set(key, entity);
      if (kind === 'bucket') {
        if (buckets.has(text.text))
          throw at.error(text.loc, `bucket names are global: ${text.text} is already declared`, { length: text.text.length });
        buckets.set(text.text, entity);
      }
    };
    for (const m of item.members) {
      switch (m.kind) {
        case 'User':
          add('user', m.name, pathOf(m.members, at));
          for (const u of m.members) if (u.kind === 'MfaDevice') add('mfa', u.name);
          break;
        case 'Group':
          add('group', m.name, pathOf(m.members, at));
          break;
        case 'Role':
          add('role', m.name, pathOf(m.members, at));
          break;
        case 'ManagedPolicy':
          add('policy', m.name, m.path ? checkPath(m.path, at) : '/');
          break;
        case 'Bucket':
          add('bucket', m.name);
          break;
        case 'KmsKey':
          add('key', m.name);
          break;
        case 'SamlProvider':
          // a second declaration of the name is IAM's EntityAlreadyExists, said by saml.ts
          if (!sym.entities.has(`saml-provider:${m.name.text}`)) add('saml-provider', m.name);
          break;
        default:
          break;
      }
    }
    accounts.push(sym);
    byName.set(sym.name, sym);
    byId.set(sym.id, sym);
  }
  const samlIdps = new Map(ast.items.flatMap((i) => (i.kind === 'SamlIdp' ? [[i.name.text, i] as const] : [])));
  return { accounts, byName, byId, eks: collectEks(ast, at, accounts), samlIdps, awsPolicies: collectAwsPolicies(ast, at) };
}

/** AWS managed policy names are unique in the `aws` namespace, whatever their paths, as in any account. */
function collectAwsPolicies(ast: ScenarioFile, at: Located): Map<string, AwsManagedPolicyDecl> {
  const byArn = new Map<string, AwsManagedPolicyDecl>();
  const names = new Map<string, AwsManagedPolicyDecl>();
  for (const item of ast.items) {
    if (item.kind !== 'AwsManagedPolicy') continue;
    const earlier = names.get(item.name.text.toLowerCase());
    if (earlier) {
      throw at.error(item.name.loc, `aws-managed-policy ${item.name.text} is declared twice`, {
        length: item.name.text.length,
        expected: `one declaration of each AWS managed policy (the first is at line ${earlier.name.loc.line})`,
      });
    }
    names.set(item.name.text.toLowerCase(), item);
    byArn.set(awsPolicyArn(item.name.text, item.path ? checkPath(item.path, at) : '/'), item);
  }
  return byArn;
}

function pathOf(members: readonly { kind: string }[], at: Located): string {
  const decl = members.find((m): m is { kind: 'Path'; path: Text } => m.kind === 'Path');
  return decl ? checkPath(decl.path, at) : '/';
}

/**
 * IAM paths begin and end with `/` and are at most 512 characters (IAM User Guide "IAM and AWS STS
 * quotas").
 */
export function checkPath(path: Text, at: Located): string {
  const p = path.text;
  if (!/^\/([\x21-\x7e]*\/)?$/.test(p) || p.length > 512) {
    throw at.error(path.loc, `path "${p}" is not a valid IAM path`, {
      length: p.length,
      expected: 'a path that begins and ends with /, such as /app/ (at most 512 characters)',
    });
  }
  return p;
}

export interface Resolver {
  readonly symbols: Symbols;
  readonly at: Located;
  account(text: Text): AccountSym;
  accountId(text: Text): string;
  entity(kind: EntityKind, text: Text, here: AccountSym | null): EntitySym;
  refArn(entity: RefEntity, text: Text, here: AccountSym | null): string;
}

export function makeResolver(symbols: Symbols, at: Located): Resolver {
  const self: Resolver = { symbols, at, account, accountId, entity, refArn };
  // steps name the same few entities thousands of times: each reference is resolved once
  const resolved = new Map<string, EntitySym>();
  return self;

  function account(text: Text): AccountSym {
    const sym = symbols.byName.get(text.text) ?? symbols.byId.get(text.text);
    if (sym) return sym;
    const suggestion = nearest(text.text, symbols.byName.keys());
    throw at.error(text.loc, `account ${text.text} is not defined`, {
      length: text.text.length,
      expected: `one of the declared accounts (${[...symbols.byName.keys()].join(', ') || 'none'})`,
      ...(suggestion ? { suggestion } : {}),
    });
  }

  /** The account ID a principal `account X` names; undeclared 12-digit IDs are external accounts. */
  function accountId(text: Text): string {
    if (/^\d{12}$/.test(text.text) && !symbols.byName.has(text.text)) return text.text;
    return account(text).id;
  }

  function entity(kind: EntityKind, text: Text, here: AccountSym | null): EntitySym {
    const key = `${kind} ${here?.id ?? ''} ${text.text}`;
    let found = resolved.get(key);
    if (found === undefined) resolved.set(key, (found = lookup(kind, text, here)));
    return found;
  }

  function lookup(kind: EntityKind, text: Text, here: AccountSym | null): EntitySym {
    const raw = text.text;
    const slash = kind === 'bucket' ? -1 : raw.indexOf('/');
    if (slash > 0) {
      const owner = account({ ...text, text: raw.slice(0, slash) });
      const found = owner.entities.get(`${kind}:${raw.slice(slash + 1)}`);
      if (found) return found;
      throw notDefined(kind, text);
    }
    const local = here?.entities.get(`${kind}:${raw}`);
    if (local) return local;
    const all = symbols.accounts.flatMap((a) => {
      const e = a.entities.get(`${kind}:${raw}`);
      return e ? [{ a, e }] : [];
    });
    if (all.length === 1) return all[0]!.e;
    if (all.length > 1) {
      throw at.error(text.loc, `${kind} ${raw} is ambiguous: ${all.map((x) => `${x.a.name}/${raw}`).join(' and ')} both exist`, {
        length: raw.length,
        expected: `Account/${raw}`,
      });
    }
    throw notDefined(kind, text);
  }

  /** The ARN a reference stands for. */
  function refArn(kind: RefEntity, text: Text, here: AccountSym | null): string {
    if (text.text.startsWith('arn:')) return text.text;
    switch (kind) {
      case 'account':
        return `arn:aws:iam::${accountId(text)}:root`;
      case 'user':
      case 'group':
      case 'role':
      case 'policy':
      case 'mfa':
      case 'bucket':
      case 'key':
      case 'saml-provider':
        return entity(kind, text, here).arn;
      case 'cluster':
        return findCluster(symbols.eks, text, here, at).arn;
      case 'oidc-provider':
        return oidcProviderRef(text, here);
      default: {
        const unreachable: never = kind;
        throw new Error(`bug: unknown reference kind ${String(unreachable)}`);
      }
    }
  }

  /** `oidc-provider HOST/PATH` (or its https:// URL): the provider of the enclosing account, else of the only account declaring it. */
  function oidcProviderRef(text: Text, here: AccountSym | null): string {
    const url = text.text.startsWith('https://') ? text.text : `https://${text.text}`;
    const host = url.slice('https://'.length);
    if (here) return `arn:aws:iam::${here.id}:oidc-provider/${host}`;
    const declaring = symbols.accounts.filter((a) =>
      a.decl.members.some((m) => m.kind === 'OidcProvider' && m.source.kind === 'Text' && m.source.text === url),
    );
    if (declaring.length === 1) return `arn:aws:iam::${declaring[0]!.id}:oidc-provider/${host}`;
    throw at.error(
      text.loc,
      declaring.length ? `oidc-provider ${text.text} is declared in several accounts` : `oidc-provider ${text.text} is not declared`,
      {
        length: text.text.length,
        expected: 'its ARN, arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH',
      },
    );
  }

  function notDefined(kind: EntityKind, text: Text) {
    const declared = symbols.accounts.flatMap((a) =>
      [...a.entities.values()]
        .filter((e) => e.kind === kind)
        .map((e) => ({ name: e.name, full: kind === 'bucket' ? e.name : `${a.name}/${e.name}` })),
    );
    const candidates = declared.map((d) => d.full);
    // a bare name is compared with the declared names, and the suggestion is written in full
    const bare = kind !== 'bucket' && !text.text.includes('/');
    const near = nearest(text.text, bare ? declared.map((d) => d.name) : candidates);
    const suggestion = bare ? declared.find((d) => d.name === near)?.full : near;
    return at.error(text.loc, `${kind} ${text.text} is not defined`, {
      length: text.text.length,
      expected: candidates.length ? `a declared ${kind}: ${candidates.slice(0, 8).join(', ')}` : `a ${kind} declared in an account`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}
