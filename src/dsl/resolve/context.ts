// What resolving a policy body or a value needs: the resolver, the account it sits in (null
// outside accounts, e.g. in organizations and steps) and the scenario's file reader.
import type { AccountSym } from './account-sym.js';
import type { Resolver } from './symbols.js';

export interface BodyContext {
  readonly resolver: Resolver;
  readonly here: AccountSym | null;
  /** reads a file named relative to the scenario; returns its text and the path to report */
  readonly readFile: (path: string) => { text: string; file: string };
}
