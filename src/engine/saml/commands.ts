// SAML commands. The resolver checks the names; the decider derives the certificate's facts.
import type { ParamValue } from '../call/command.js';
import type { LogType } from '../log-type.js';
import type { postedSchema } from './schema.js';
import type { SamlUser } from './state.js';

export type SamlCommand =
  | {
      readonly type: 'RegisterSamlIdentityProvider';
      readonly data: { readonly name: string; readonly entityId: string; readonly users: Readonly<Record<string, SamlUser>> };
    }
  | { readonly type: 'CreateSAMLProvider'; readonly data: { readonly account: string; readonly name: string; readonly idp: string } }
  /**
   * `sign-in saml-assertion IDP/USER … [to ROLE]`: the browser posts the assertion (`assertion`, a
   * `saml` value once the token service prepared it) to AWS's sign-in endpoint (sign-in.ts)
   */
  | { readonly type: 'SignInWithSaml'; readonly data: { readonly assertion: ParamValue; readonly role: string | null } }
  /** after the sign-in endpoint's sts:AssumeRoleWithSAML: the console, or the page's error */
  | { readonly type: 'FinishSamlSignIn'; readonly data: { readonly posted: LogType<typeof postedSchema> } };
