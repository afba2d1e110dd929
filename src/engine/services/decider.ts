// The services' decider: Lambda functions, EC2 instances and ECS tasks, the calls that hand them a role
// (api.ts), and the sessions their services get for a workload's calls (workload.ts).
import type { CallCommand } from '../call/command.js';
import { callStage } from '../call/stage.js';
import type { Decider } from '../decider.js';
import type { IamEvent } from '../iam/events.js';
import type { ResourcesEvent } from '../resources/events.js';
import { decideServiceCall, isServiceApi } from './api.js';
import type { ObtainWorkloadCredentials, ServicesCommand } from './commands.js';
import { decideDeclaration } from './declare.js';
import type { ServicesEvent } from './events.js';
import { evolveServices } from './evolve.js';
import { initialServicesState, type ServicesState } from './state.js';
import { decideObtainWorkload, decideWorkloadCall } from './workload.js';

export const services: Decider<
  ServicesCommand | CallCommand | ObtainWorkloadCredentials,
  ServicesEvent,
  ServicesState,
  ServicesEvent | ResourcesEvent | IamEvent
> = {
  commands: { DeclareFunction: true, DeclareInstance: true, DeclareInstanceProfile: true, Call: true, ObtainWorkloadCredentials: true },
  events: {
    FunctionCreated: true,
    FunctionUpdated: true,
    InstanceLaunched: true,
    InstanceProfileAssociated: true,
    TaskDefinitionRegistered: true,
    TaskStarted: true,
    WorkloadSessionRequested: true,
    WorkloadCallFailed: true,
    WorkloadCredentialsObtained: true,
  },
  initialState: initialServicesState,
  takes(command, world) {
    if (command.type !== 'Call') return true;
    const stage = callStage(command, world);
    return stage === 'workload' || (stage === 'request' && isServiceApi(command.data.action));
  },
  decide(command, world) {
    if (command.type === 'Call')
      return callStage(command, world) === 'workload' ? decideWorkloadCall(command, world) : decideServiceCall(command, world);
    if (command.type === 'ObtainWorkloadCredentials') return decideObtainWorkload(command, world);
    return decideDeclaration(command, world);
  },
  evolve: evolveServices,
};
