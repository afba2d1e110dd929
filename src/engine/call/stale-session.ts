// A role session whose role was deleted, or replaced by a new role of the same name: what the trace
// says of it. The role's unique ID in the session no longer names a role (IAM User Guide "IAM
// identifiers"), so the session has no identity-based policies and no principal tags
// (src/engine/call/caller.ts), and no Principal element matches it. AWS does not document what it answers such a session; iamsim decides
// its requests as those of a principal without policies.
import type { Caller } from './caller.js';
import type { World } from '../world.js';

export function staleSessionNote(who: Caller, world: World): string | null {
  const session = who.session;
  if (session?.kind !== 'role-session' || who.role !== null) return null;
  const now = world.iam.roles[session.roleArn];
  const what =
    now === undefined
      ? `role ${session.roleArn} has been deleted`
      : `role ${session.roleArn} was deleted and created again: the role now of that name has unique ID ${now.id}, the session's was ${session.roleId}`;
  return (
    `${what}, so this session has no identity-based policies and no principal tags, and no policy names it any more ` +
    '(AWS does not document the answer to such a session: iamsim decides it as a principal without policies)'
  );
}
