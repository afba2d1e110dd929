// The console sign-in as a workflow (sign-in.ts decides each stage): once the browser's POST names a
// role, the sign-in endpoint's sts:AssumeRoleWithSAML (a hop, decided by STS's one decider), then
// what the endpoint makes of STS's answer: the console, or the sign-in page's error.
import type { Workflow } from '../workflow.js';
import { signInAssumeRole } from './sign-in.js';

export const samlSignIn: Workflow = {
  react(event) {
    if (event.type !== 'SamlResponsePosted' || event.data.role === null) return [];
    return [
      { command: { type: 'Call', data: signInAssumeRole(event.data) }, hop: true },
      { command: { type: 'FinishSamlSignIn', data: { posted: event.data } }, hop: false },
    ];
  },
};
