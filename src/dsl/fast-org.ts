// Fast parser: organizations (grammar/scenario.ne, "organizations").

import type { OrganizationDecl, OrgPolicyDecl, OuMember, Text } from './ast.js';
import { snoc, text, unreserved } from './build.js';
import * as o from './build-org.js';
import { at, bail, block, type Cursor, name, optionalBlock, take } from './fast-cursor.js';
import { policyBody, startsPolicyBody } from './fast-policy.js';
import type { Token } from './token.js';

/** Organization -> "organization" Name:? "{" OrgMembers "}" */
export function organization(c: Cursor, keyword: Token): OrganizationDecl {
  const id = at(c, '{') ? null : name(c);
  return o.organization(keyword, id, block(c, orgMember));
}

function orgMember(c: Cursor, t: Token): OrganizationDecl['members'][number] {
  return t.text === 'management' ? o.management(t, name(c)) : ouMember(c, t);
}

function ouMember(c: Cursor, t: Token): OuMember {
  switch (t.text) {
    case 'account': {
      const first = name(c);
      if (at(c, '{')) return o.orgAccount(t, first, block(c, orgAccountMember));
      let accounts = snoc(null, first);
      while (at(c, ',')) {
        take(c);
        accounts = snoc(accounts, name(c));
      }
      return o.orgAccounts(t, accounts);
    }
    case 'ou': {
      const ouName = name(c);
      return o.ou(t, ouName, ouId(c), optionalBlock(c, ouMember));
    }
    default:
      return orgAccountMember(c, t);
  }
}

/** OuId:? — a word that starts the next member is not an id (`org` reserves them). */
function ouId(c: Cursor): Text | null {
  const t = c.tok;
  if (t === undefined) return null;
  const id = t.type === 'string' ? text(t) : t.type === 'word' ? unreserved(t, 'org', null) : null;
  if (id !== null) take(c);
  return id;
}

/** OrgPolicy | Detach */
function orgAccountMember(c: Cursor, t: Token): OrgPolicyDecl | ReturnType<typeof o.detach> {
  switch (t.text) {
    case 'scp':
    case 'rcp': {
      const policyName = name(c);
      const body = startsPolicyBody(c.tok) ? policyBody(c) : null;
      return o.orgPolicy(t, t.text === 'scp' ? 'Scp' : 'Rcp', policyName, body);
    }
    case 'detach':
      return o.detach(t, name(c));
    default:
      return bail();
  }
}
