// SAML's decider: identity providers outside AWS and the IAM SAML providers that trust them, and the
// console sign-in through AWS's SAML endpoint (sign-in.ts).
import { castDraft, type Draft } from 'immer';
import type { Decider } from '../decider.js';
import type { World } from '../world.js';
import type { SamlCommand } from './commands.js';
import type { SamlEvent } from './events.js';
import { decideSignIn, finishSignIn } from './sign-in.js';
import { certificateOf, initialSamlState, samlProviderArn, type SamlState } from './state.js';

export function decideSaml(command: SamlCommand, world: World): SamlEvent[] {
  switch (command.type) {
    case 'RegisterSamlIdentityProvider': {
      const { name, entityId, users } = command.data;
      const certificate = certificateOf(world.scenario.seed, name, entityId);
      return [{ type: 'SamlIdentityProviderRegistered', data: { idp: { name, entityId, certificate, users: { ...users } } } }];
    }
    case 'CreateSAMLProvider': {
      const { account, name, idp } = command.data;
      const from = world.saml.idps[idp];
      if (!from) throw new Error(`bug: SAML provider ${name} names unknown IdP ${idp}`);
      const provider = { arn: samlProviderArn(account, name), account, name, idp, entityId: from.entityId, certificate: from.certificate };
      return [{ type: 'SAMLProviderCreated', data: { provider } }];
    }
    case 'SignInWithSaml':
      return decideSignIn(command.data.assertion, command.data.role, world);
    case 'FinishSamlSignIn':
      return finishSignIn(command.data.posted, world.scenario.lastCall, world);
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown SAML command ${JSON.stringify(unreachable)}`);
    }
  }
}

export function evolveSaml(draft: Draft<SamlState>, event: SamlEvent): void {
  switch (event.type) {
    case 'SamlIdentityProviderRegistered':
      draft.idps[event.data.idp.name] = castDraft(event.data.idp);
      return;
    case 'SAMLProviderCreated':
      draft.providers[event.data.provider.arn] = castDraft(event.data.provider);
      return;
    case 'SamlResponsePosted':
    case 'ConsoleSignInAnswered':
    case 'ConsoleSignInRefused':
      return; // a sign-in changes nothing: its session is STS's (RoleAssumedWithSAML)
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown SAML event ${JSON.stringify(unreachable)}`);
    }
  }
}

export const saml: Decider<SamlCommand, SamlEvent, SamlState> = {
  commands: { RegisterSamlIdentityProvider: true, CreateSAMLProvider: true, SignInWithSaml: true, FinishSamlSignIn: true },
  events: {
    SamlIdentityProviderRegistered: true,
    SAMLProviderCreated: true,
    SamlResponsePosted: true,
    ConsoleSignInAnswered: true,
    ConsoleSignInRefused: true,
  },
  initialState: initialSamlState,
  decide: decideSaml,
  evolve: evolveSaml,
};
