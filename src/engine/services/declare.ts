// Declared functions, instances and instance profiles, as the scenario's world has them before the
// first step. A declared instance profile is IAM's (InstanceProfileCreated, RoleAddedToInstanceProfile).
import { uniqueId } from '../ids.js';
import type { IamEvent } from '../iam/events.js';
import type { World } from '../world.js';
import type { ServicesCommand } from './commands.js';
import type { ServicesEvent } from './events.js';
import { instanceId } from './ids.js';
import { functionArn, instanceArn } from './state.js';

export function decideDeclaration(command: ServicesCommand, world: World): (ServicesEvent | IamEvent)[] {
  const seed = world.scenario.seed;
  switch (command.type) {
    case 'DeclareFunction': {
      const d = command.data;
      return [{ type: 'FunctionCreated', data: { function: { ...d, arn: functionArn(d.region, d.account, d.name) } } }];
    }
    case 'DeclareInstance': {
      const d = command.data;
      const ordinal = Object.values(world.services.instances).filter((i) => i.account === d.account).length;
      const id = instanceId(seed, d.account, ordinal);
      return [{ type: 'InstanceLaunched', data: { instance: { ...d, id, arn: instanceArn(d.region, d.account, id) } } }];
    }
    case 'DeclareInstanceProfile': {
      const { role, ...spec } = command.data;
      const id = uniqueId('AIPA', seed, spec.arn, world.iam.generations[spec.arn] ?? 0);
      const created: IamEvent = { type: 'InstanceProfileCreated', data: { ...spec, id } };
      return role === null ? [created] : [created, { type: 'RoleAddedToInstanceProfile', data: { profile: spec.arn, role } }];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown services command ${JSON.stringify(unreachable)}`);
    }
  }
}
