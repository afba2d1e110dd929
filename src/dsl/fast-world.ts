// Fast parser: accounts and what they hold (grammar/scenario.ne, "accounts"). Every member starts
// with its own keyword; a member function gets that first token.

import type {
  AccountDecl,
  AccountMember,
  AttachDecl,
  BoundaryDecl,
  GroupDecl,
  InlineDecl,
  PathDecl,
  RoleMember,
  TagsDecl,
  Text,
  UserMember,
} from './ast.js';
import { text } from './build.js';
import * as w from './build-world.js';
import { bail, type Cursor, name, nameAfter, optionalBlock, take } from './fast-cursor.js';
import { clusterMember, oidcIssuer, oidcProvider } from './fast-eks.js';
import { policyBody } from './fast-policy.js';
import { entryBlock, refOrText, refOrTextList } from './fast-values.js';
import type { Token } from './token.js';

/** Account -> "account" Name Name AccountBody:? */
export function account(c: Cursor, keyword: Token): AccountDecl {
  const accountName = name(c);
  return w.account(keyword, accountName, name(c), optionalBlock(c, accountMember));
}

function accountMember(c: Cursor, t: Token): AccountMember {
  switch (t.text) {
    case 'user':
      return w.user(t, name(c), optionalBlock(c, userMember));
    case 'group':
      return w.group(t, name(c), optionalBlock(c, groupMember));
    case 'role':
      return w.role(t, name(c), optionalBlock(c, roleMember));
    case 'policy':
      return w.managedPolicy(t, name(c), nameAfter(c, 'path'), policyBody(c));
    case 'bucket':
      return w.bucket(t, name(c), optionalBlock(c, resourceMember));
    case 'resource':
      return w.resource(t, name(c), optionalBlock(c, resourceMember));
    case 'cluster':
      return w.cluster(t, name(c), optionalBlock(c, clusterMember));
    case 'oidc-provider':
      return oidcProvider(c, t);
    case 'oidc-issuer':
      return oidcIssuer(c, t);
    case 'tags':
      return tags(c, t);
    default:
      return bail();
  }
}

function userMember(c: Cursor, t: Token): UserMember {
  switch (t.text) {
    case 'groups':
      return w.groups(t, refOrTextList(c));
    case 'mfa-device':
      return w.mfaDevice(t, name(c), nameAfter(c, 'code'));
    case 'access-key':
      return w.accessKey(t);
    default:
      return principalMember(c, t);
  }
}

/** What users and roles both hold: a group's members, a boundary and tags. */
function principalMember(c: Cursor, t: Token): GroupDecl['members'][number] | BoundaryDecl | TagsDecl {
  switch (t.text) {
    case 'boundary':
      return boundary(c, t);
    case 'tags':
      return tags(c, t);
    default:
      return groupMember(c, t);
  }
}

function groupMember(c: Cursor, t: Token): GroupDecl['members'][number] {
  switch (t.text) {
    case 'inline':
      return inline(c, t);
    case 'attach':
      return attach(c, t);
    case 'path':
      return path(c, t);
    default:
      return bail();
  }
}

function roleMember(c: Cursor, t: Token): RoleMember {
  switch (t.text) {
    case 'max-session-duration':
      return w.maxSessionDuration(t, name(c));
    case 'trust':
      return w.trust(t, policyBody(c));
    case 'description':
      return w.roleDescription(t, description(c));
    default:
      return principalMember(c, t);
  }
}

function inline(c: Cursor, t: Token): InlineDecl {
  const policyName = name(c);
  return w.inline(t, policyName, policyBody(c));
}
const attach = (c: Cursor, t: Token): AttachDecl => w.attach(t, refOrTextList(c));
const boundary = (c: Cursor, t: Token): BoundaryDecl => w.boundary(t, refOrText(c));
const path = (c: Cursor, t: Token): PathDecl => w.path(t, name(c));
export const tags = (c: Cursor, t: Token): TagsDecl => w.tags(t, entryBlock(c));

function resourceMember(c: Cursor, t: Token): ReturnType<typeof w.resourcePolicy> | TagsDecl {
  if (t.text === 'policy') return w.resourcePolicy(t, policyBody(c));
  if (t.text === 'tags') return tags(c, t);
  return bail();
}

/** Description -> %tstring | %string */
export function description(c: Cursor): Text {
  const t = take(c);
  if (t.type !== 'tstring' && t.type !== 'string') bail();
  return text(t);
}
