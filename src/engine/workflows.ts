// The engine's workflows: the flows that span components (workflow.ts).
import { podCall } from './eks/pod-call.js';
import { stackCreation } from './resources/stack-workflow.js';
import { samlSignIn } from './saml/sign-in-workflow.js';
import { workloadCall } from './services/workload-call.js';
import { provisioning } from './sso/provision.js';
import type { Workflow } from './workflow.js';

export const workflows: readonly Workflow[] = [podCall, stackCreation, workloadCall, provisioning, samlSignIn];
