// Provisioning as a workflow: when IAM Identity Center provisions a permission set to an account,
// IAM creates the role there, attaches the permission set's managed policies, puts its inline
// policy (named AwsSSOInlinePolicy, as the IAM console shows it on AWSReservedSSO_ roles) and sets
// its boundary; each is IAM's own event, so the provisioned role is an ordinary IAM role in the
// world, protected from IAM calls by its path (src/engine/iam/api/names.ts, protectedBy).
import type { AnyEvent, EngineCommand } from '../events.js';
import type { FollowUp, Workflow } from '../workflow.js';

export const INLINE_POLICY_NAME = 'AwsSSOInlinePolicy';

export const provisioning: Workflow = {
  react(event: AnyEvent): FollowUp[] {
    if (event.type !== 'PermissionSetProvisioned') return [];
    const r = event.data.role;
    const commands: EngineCommand[] = [
      {
        type: 'CreateRole',
        data: {
          arn: r.arn,
          name: r.name,
          path: r.path,
          account: r.account,
          maxSessionDuration: r.maxSessionDuration,
          trust: r.trust,
          description: null,
        },
      },
      ...r.attached.map((policy): EngineCommand => ({ type: 'AttachPolicy', data: { entity: r.arn, policy } })),
    ];
    if (r.inline !== null)
      commands.push({ type: 'PutInlinePolicy', data: { entity: r.arn, name: INLINE_POLICY_NAME, document: r.inline } });
    if (r.boundary !== null) commands.push({ type: 'PutPermissionsBoundary', data: { entity: r.arn, policy: r.boundary } });
    return commands.map((command) => ({ command, hop: false }));
  },
};
