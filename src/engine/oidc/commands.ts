// OIDC commands. The resolver checks IAM's limits on providers; the decider derives key ids.

export type OidcCommand =
  | {
      readonly type: 'RegisterOidcIssuer';
      readonly data: {
        readonly url: string;
        readonly name: string;
        readonly kind: 'eks' | 'external';
        readonly cluster: string | null;
      };
    }
  | {
      readonly type: 'CreateOpenIDConnectProvider';
      readonly data: {
        readonly account: string;
        readonly url: string;
        readonly clientIds: readonly string[];
        readonly thumbprints: readonly string[];
        readonly cluster: string | null;
      };
    };
