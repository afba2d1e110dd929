// The console sign-in as a workflow (sign-in.ts decides each stage): once the browser's POST names a
// role, the sign-in endpoint's sts:AssumeRoleWithSAML (a hop, decided by STS's one decider), then
// what the endpoint makes of STS's answer: the console, or the sign-in page's error. The access
// portal's console the same way: its sso:GetRoleCredentials (the portal's one decider), then the console.
import { portalGetRoleCredentials } from '../sso/portal-sign-in.js';
import type { Workflow } from '../workflow.js';
import { signInAssumeRole } from './sign-in.js';

export const samlSignIn: Workflow = {
  react(event) {
    // the access portal's console (sso/portal-sign-in.ts): GetRoleCredentials, then the console
    if (event.type === 'PortalSignInStarted')
      return [
        { command: { type: 'Call', data: portalGetRoleCredentials(event.data) }, hop: true },
        { command: { type: 'FinishPortalSignIn', data: { signIn: event.data } }, hop: false },
      ];
    if (event.type !== 'SamlResponsePosted' || event.data.role === null) return [];
    return [
      { command: { type: 'Call', data: signInAssumeRole(event.data) }, hop: true },
      { command: { type: 'FinishSamlSignIn', data: { posted: event.data } }, hop: false },
    ];
  },
};
