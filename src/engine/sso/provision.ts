// Provisioning as a workflow: when IAM Identity Center provisions a permission set to an account,
// IAM creates the role there, attaches the permission set's managed policies, puts its inline
// policy (named AwsSSOInlinePolicy, as the IAM console shows it on AWSReservedSSO_ roles) and sets
// its boundary; each is IAM's own event, so the provisioned role is an ordinary IAM role in the
// world, protected from IAM calls by its path (src/engine/iam/api/names.ts, protectedBy).
//
// The role trusts the account's SAML provider AWSSSO_<16 hex>_DO_NOT_DELETE, which Identity Center
// creates there the first time it provisions a permission set to the account: an IAM SAML provider
// like any other (the saml component's CreateSAMLProvider), holding the metadata of Identity Center
// as the identity provider — so it is registered as one when the instance is enabled (AWS re:Post
// Knowledge Center "iam-identity-center-federation": the roles' trust policy "only trusts the SAML
// provider that IAM Identity Center creates automatically").
import type { AnyEvent, EngineCommand } from '../events.js';
import { samlProviderArn } from '../saml/state.js';
import type { World } from '../world.js';
import type { FollowUp, Workflow } from '../workflow.js';
import { assertionIssuer } from './ids.js';

export const INLINE_POLICY_NAME = 'AwsSSOInlinePolicy';

/** The name IAM Identity Center has as an identity provider (not a name a `saml-idp` can take). */
export const IDENTITY_CENTER_IDP = 'IAM Identity Center';

export const provisioning: Workflow = {
  react(event: AnyEvent, world: World): FollowUp[] {
    if (event.type === 'IdentityCenterEnabled') {
      const { instance } = event.data;
      const entityId = assertionIssuer(instance.account, instance.arn, instance.region);
      const command: EngineCommand = { type: 'RegisterSamlIdentityProvider', data: { name: IDENTITY_CENTER_IDP, entityId, users: {} } };
      return [{ command, hop: false }];
    }
    if (event.type !== 'PermissionSetProvisioned') return [];
    const r = event.data.role;
    const commands: EngineCommand[] = [];
    const provider = world.sso.instance?.samlProvider;
    if (provider !== undefined && world.saml.providers[samlProviderArn(r.account, provider)] === undefined)
      commands.push({ type: 'CreateSAMLProvider', data: { account: r.account, name: provider, idp: IDENTITY_CENTER_IDP } });
    commands.push(
      {
        type: 'CreateRole',
        data: {
          arn: r.arn,
          name: r.name,
          path: r.path,
          account: r.account,
          maxSessionDuration: r.maxSessionDuration,
          trust: r.trust,
          description: null,
        },
      },
      ...r.attached.map((policy): EngineCommand => ({ type: 'AttachPolicy', data: { entity: r.arn, policy } })),
    );
    if (r.inline !== null)
      commands.push({ type: 'PutInlinePolicy', data: { entity: r.arn, name: INLINE_POLICY_NAME, document: r.inline } });
    if (r.boundary !== null) commands.push({ type: 'PutPermissionsBoundary', data: { entity: r.arn, policy: r.boundary } });
    return commands.map((command) => ({ command, hop: false }));
  },
};
