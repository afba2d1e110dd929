// Organizations events: the organization, its OUs and member accounts, and its SCPs and RCPs with
// where each is attached. AWS attaches FullAWSAccess and RCPFullAWSAccess to every new root, OU and
// account; those attachments are recorded as events of their own, so the log states them. The
// types are derived from the schemas in schema.ts.
import type { LogType } from '../log-type.js';
import type { organizationsEvents } from './schema.js';

export type OrganizationsEvent = LogType<(typeof organizationsEvents)[number]>;
