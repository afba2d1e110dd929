// The services' evolve.
import { castDraft, type Draft } from 'immer';
import type { ServicesEvent } from './events.js';
import type { ServicesState } from './state.js';

export function evolveServices(draft: Draft<ServicesState>, event: ServicesEvent): void {
  switch (event.type) {
    case 'FunctionCreated':
      draft.functions[event.data.function.arn] = castDraft(event.data.function);
      return;
    case 'FunctionUpdated': {
      const fn = draft.functions[event.data.arn];
      if (fn) fn.role = event.data.role;
      return;
    }
    case 'InstanceLaunched':
      draft.instances[event.data.instance.arn] = castDraft(event.data.instance);
      return;
    case 'InstanceProfileAssociated': {
      const instance = draft.instances[event.data.instance];
      if (instance) instance.profile = event.data.profile;
      return;
    }
    case 'TaskDefinitionRegistered':
      draft.taskDefinitions[event.data.taskDefinition.arn] = castDraft(event.data.taskDefinition);
      return;
    case 'TaskStarted':
      draft.tasks[event.data.task.arn] = castDraft(event.data.task);
      return;
    case 'WorkloadCredentialsObtained':
      draft.credentials[event.data.workload] = event.data.accessKeyId;
      return;
    case 'WorkloadSessionRequested':
    case 'WorkloadCallFailed':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown services event ${JSON.stringify(unreachable)}`);
    }
  }
}
