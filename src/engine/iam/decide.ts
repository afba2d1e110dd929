// IAM's decide: mints IDs and records the identities a scenario declares.
import { freeze } from 'immer';
import { accessKeyId, uniqueId } from '../ids.js';
import type { World } from '../world.js';
import type { IamCommand } from './commands.js';
import type { IamEvent } from './events.js';

// Policy documents are frozen (shallowly) as they enter the log: immer then knows that no draft
// hides in them and does not walk them when they join the state (a third of a large scenario's setup).

export function decideIam(command: IamCommand, world: World): IamEvent[] {
  const seed = world.scenario.seed;
  switch (command.type) {
    case 'CreateAccount':
      return [{ type: 'AccountCreated', data: command.data }];
    case 'CreateUser':
      return [{ type: 'UserCreated', data: { ...command.data, id: uniqueId('AIDA', seed, command.data.arn) } }];
    case 'CreateGroup':
      return [{ type: 'GroupCreated', data: { ...command.data, id: uniqueId('AGPA', seed, command.data.arn) } }];
    case 'CreateRole':
      return [
        { type: 'RoleCreated', data: { ...command.data, trust: freeze(command.data.trust), id: uniqueId('AROA', seed, command.data.arn) } },
      ];
    case 'CreatePolicy':
      return [
        {
          type: 'PolicyCreated',
          data: { ...command.data, document: freeze(command.data.document), id: uniqueId('ANPA', seed, command.data.arn) },
        },
      ];
    case 'PutInlinePolicy':
      return [{ type: 'InlinePolicyPut', data: { ...command.data, document: freeze(command.data.document) } }];
    case 'AttachPolicy':
      return [{ type: 'PolicyAttached', data: command.data }];
    case 'PutPermissionsBoundary':
      return [{ type: 'PermissionsBoundarySet', data: command.data }];
    case 'AddUserToGroup':
      return [{ type: 'UserAddedToGroup', data: command.data }];
    case 'TagEntity':
      return [{ type: 'EntityTagged', data: command.data }];
    case 'CreateAccessKey': {
      const user = world.iam.users[command.data.user];
      if (!user) throw new Error(`bug: CreateAccessKey for unknown user ${command.data.user}`);
      const purpose = `${user.arn}#${world.iam.keysMinted[user.arn] ?? 0}`;
      const keyId = accessKeyId('AKIA', user.account, seed, purpose);
      return [{ type: 'AccessKeyCreated', data: { user: user.arn, account: user.account, accessKeyId: keyId } }];
    }
    case 'EnableMfaDevice':
      return [{ type: 'MfaDeviceEnabled', data: command.data }];
    default: {
      const unreachable: never = command;
      throw new Error(`bug: unknown IAM command ${JSON.stringify(unreachable)}`);
    }
  }
}
