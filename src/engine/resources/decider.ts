// Resources' decider: buckets, KMS keys and other resources, and the requests to every service but STS.
import type { CallCommand } from '../call/command.js';
import { callStage, serviceOf } from '../call/stage.js';
import type { Decider } from '../decider.js';
import { isIamApi } from '../iam/api/index.js';
import { isServiceApi } from '../services/api.js';
import { isPortalAction } from '../sso/portal.js';
import type { ResourcesCommand } from './commands.js';
import { decideResources } from './decide.js';
import type { ResourcesEvent } from './events.js';
import { evolveResources } from './evolve.js';
import { decideServiceRequest } from './on-behalf.js';
import { decideCreateStack, isCreateStack } from './stack.js';
import { initialResourcesState, type ResourcesState } from './state.js';

export const resources: Decider<ResourcesCommand | CallCommand, ResourcesEvent, ResourcesState> = {
  commands: {
    CreateBucket: true,
    CreateKey: true,
    CreateVpcEndpoint: true,
    RegisterResource: true,
    PutResourcePolicy: true,
    TagResource: true,
    CompleteStack: true,
    Call: true,
  },
  events: {
    BucketCreated: true,
    KeyCreated: true,
    VpcEndpointCreated: true,
    ResourceRegistered: true,
    ResourcePolicyPut: true,
    ResourcePolicyDeleted: true,
    ResourceTagged: true,
    RequestAllowed: true,
    RequestDenied: true,
    RequestFailed: true,
    SecretCreated: true,
    StackCreated: true,
    StackCreateFailed: true,
  },
  initialState: initialResourcesState,
  // every request but STS's and those IAM carries out (src/engine/iam/api/)
  takes: (command, world) =>
    command.type !== 'Call' ||
    (serviceOf(command) !== 'sts' &&
      !isIamApi(command.data.action) &&
      !isServiceApi(command.data.action) &&
      !isPortalAction(command.data.action) &&
      callStage(command, world) === 'request'),
  decide: (command, world) =>
    command.type !== 'Call'
      ? decideResources(command)
      : isCreateStack(command.data.action)
        ? decideCreateStack(command, world)
        : serviceOf(command) === 'iam'
          ? authorizedOnly(decideServiceRequest(command, world))
          : decideServiceRequest(command, world),
  evolve: evolveResources,
};

/**
 * An IAM action IAM does not carry out in iamsim (src/engine/iam/api/ lists those it does): it is
 * decided, and nothing changes; the trace says so rather than leave it to be taken as done.
 */
function authorizedOnly(events: ResourcesEvent[]): ResourcesEvent[] {
  return events.map((e) => {
    if (!('call' in e.data) || e.data.call.outcome !== 'allowed') return e;
    const call = e.data.call;
    const note = `iamsim authorizes ${call.action} but does not carry it out: the world does not change and there is no response`;
    return { ...e, data: { ...e.data, call: { ...call, notes: [...call.notes, note] } } } as ResourcesEvent;
  });
}
