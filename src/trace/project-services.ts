// The trace of the workloads services run with a role: declared functions and instances in the
// world, the ones a step's call made as its changes, and a workload's session as a hop of its step.
import type { LoggedEvent } from '../engine/events.js';
import type { ServicesEvent } from '../engine/services/index.js';
import type { TraceStep, WorldEntity } from './model.js';
import { note, setCall } from './project-eks.js';

type Add = (account: string, entity: WorldEntity) => void;

const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const roles = (d: { taskRole: string | null; executionRole: string | null }) =>
  `task role ${d.taskRole === null ? 'none' : roleName(d.taskRole)}, execution role ${d.executionRole === null ? 'none' : roleName(d.executionRole)}`;

/** The `change` line of a function, instance, task definition or task a step's call made; null for any other event. */
export function serviceChangeText(event: LoggedEvent): string | null {
  switch (event.type) {
    case 'FunctionCreated': {
      const f = event.data.function;
      return `created function ${f.name}: ${f.arn}, execution role ${roleName(f.role)}`;
    }
    case 'FunctionUpdated':
      return `function ${event.data.arn.slice(event.data.arn.lastIndexOf(':') + 1)}: execution role is now ${roleName(event.data.role)}`;
    case 'InstanceLaunched': {
      const i = event.data.instance;
      return `launched instance ${i.name === i.id ? i.id : `${i.name} (${i.id})`}: ${i.arn}${i.profile === null ? '' : `, instance profile ${roleName(i.profile)}`}`;
    }
    case 'InstanceProfileAssociated':
      return `instance ${event.data.instance.slice(event.data.instance.lastIndexOf('/') + 1)}: instance profile ${roleName(event.data.profile)} associated`;
    case 'TaskDefinitionRegistered': {
      const d = event.data.taskDefinition;
      return `registered task definition ${d.family}:${d.revision}: ${d.arn}, ${roles(d)}`;
    }
    case 'TaskStarted': {
      const t = event.data.task;
      return `started task ${t.id} of ${t.family} in cluster ${t.cluster}: ${t.arn}, ${roles(t)}`;
    }
    default:
      return null;
  }
}

export function projectServices(event: ServicesEvent, add: Add, step: TraceStep | null): void {
  switch (event.type) {
    case 'FunctionCreated': {
      const f = event.data.function;
      add(f.account, { kind: 'function', name: f.name, arn: f.arn, id: null, details: [`execution role ${roleName(f.role)}`] });
      return;
    }
    case 'InstanceLaunched': {
      const i = event.data.instance;
      const details = [i.profile === null ? 'no instance profile' : `instance profile ${roleName(i.profile)}`];
      add(i.account, { kind: 'instance', name: i.name, arn: i.arn, id: i.id, details });
      return;
    }
    case 'FunctionUpdated':
    case 'InstanceProfileAssociated':
    case 'TaskDefinitionRegistered':
    case 'TaskStarted':
      // only steps' calls make these (their changes)
      return;
    case 'WorkloadSessionRequested':
      note(step, { kind: 'note', label: `${event.data.workload}: its service gets it a session`, lines: [...event.data.notes] });
      return;
    case 'WorkloadCallFailed':
      if (step) setCall(step, event.data.call);
      return;
    case 'WorkloadCredentialsObtained':
      note(step, {
        kind: 'note',
        label: `${event.data.workload} now holds credentials ${event.data.accessKeyId}, until ${event.data.expiration}`,
        lines: [],
      });
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: the trace does not know event ${JSON.stringify(unreachable)}`);
    }
  }
}
