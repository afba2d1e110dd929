// The symbols pass 1 collects for a declared account: its name, ID and the entities it declares.
import type { AccountDecl, Text } from '../ast.js';

export type EntityKind = 'user' | 'group' | 'role' | 'policy' | 'mfa' | 'bucket' | 'key' | 'saml-provider';

export interface EntitySym {
  readonly kind: EntityKind;
  readonly name: string;
  readonly arn: string;
  readonly account: string; // account id
  readonly decl: Text;
}

export interface AccountSym {
  readonly name: string;
  readonly id: string;
  readonly decl: AccountDecl;
  readonly entities: Map<string, EntitySym>; // key: `${kind}:${name}`
}
