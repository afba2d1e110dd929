// Resources' evolve.
import type { Draft } from 'immer';
import type { ResourcesEvent } from './events.js';
import type { ResourcesState } from './state.js';

export function evolveResources(draft: Draft<ResourcesState>, event: ResourcesEvent): void {
  switch (event.type) {
    case 'BucketCreated':
      draft.byArn[event.data.arn] = { ...event.data, kind: 'bucket', policy: null, tags: {} };
      return;
    case 'KeyCreated': {
      const { arn, account, name, region, aliases } = event.data;
      draft.byArn[arn] = { arn, account, kind: 'key', name, policy: null, tags: {} };
      for (const alias of aliases) draft.kmsAliases[`arn:aws:kms:${region}:${account}:${alias}`] = arn;
      return;
    }
    case 'VpcEndpointCreated':
      draft.vpcEndpoints[event.data.id] = event.data;
      return;
    case 'ResourceRegistered':
      draft.byArn[event.data.arn] = { ...event.data, kind: 'resource', name: event.data.arn, policy: null, tags: {} };
      return;
    case 'ResourcePolicyPut': {
      const resource = draft.byArn[event.data.arn];
      if (resource) resource.policy = event.data.document;
      return;
    }
    case 'ResourcePolicyDeleted': {
      const resource = draft.byArn[event.data.arn];
      if (resource) resource.policy = null;
      return;
    }
    case 'ResourceTagged': {
      const resource = draft.byArn[event.data.arn];
      if (resource) Object.assign(resource.tags, event.data.tags);
      return;
    }
    case 'SecretCreated':
      draft.secrets[event.data.arn] = event.data;
      return;
    case 'StackCreated':
      draft.stacks[event.data.stackId] = {
        ...event.data,
        resources: event.data.resources.map((r) => ({ ...r })),
        status: 'CREATE_COMPLETE',
      };
      return;
    case 'StackCreateFailed': {
      const { failed: _failed, ...stack } = event.data;
      draft.stacks[event.data.stackId] = { ...stack, resources: stack.resources.map((r) => ({ ...r })), status: 'CREATE_FAILED' };
      return;
    }
    case 'RequestAllowed':
    case 'RequestDenied':
    case 'RequestFailed':
      return;
    default: {
      const unreachable: never = event;
      throw new Error(`bug: unknown resources event ${JSON.stringify(unreachable)}`);
    }
  }
}
