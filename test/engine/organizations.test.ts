// Given/when/then for the Organizations decider: IDs, default attachments, attach and detach.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/run.js';
import { project } from '../../src/trace/project.js';
import { sim } from '../resolve/run.js';
import type { AnyCommand, AnyEvent } from '../../src/engine/events.js';
import type { OrgTarget } from '../../src/engine/organizations/index.js';
import { orgEntityPath, orgPath } from '../../src/engine/organizations/index.js';
import { account, DEV, given, PROD, start, when } from './given.js';

const MGMT = '999999999999';
const denyS3 = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };

const createOrg = (id: string | null = 'o-a1b2c3d4e5', rootId: string | null = 'r-ab12'): AnyCommand => ({
  type: 'CreateOrganization',
  data: { id, rootId, managementAccount: MGMT },
});
const ou = (name: string, parent: string[] = [], id: string | null = null): AnyCommand => ({
  type: 'CreateOrganizationalUnit',
  data: { id, name, parent },
});
const join = (acct: string, parent: string[] = []): AnyCommand => ({ type: 'AddAccountToOrganization', data: { account: acct, parent } });
const policy = (name: string, policyType: 'scp' | 'rcp' = 'scp'): AnyCommand => ({
  type: 'CreateOrganizationPolicy',
  data: { name, policyType, document: denyS3 },
});
const attach = (name: string, target: OrgTarget): AnyCommand => ({ type: 'AttachOrganizationPolicy', data: { policy: name, target } });
const detach = (name: string, target: OrgTarget): AnyCommand => ({ type: 'DetachOrganizationPolicy', data: { policy: name, target } });

const accounts = [start(), account(MGMT, 'Management'), account(PROD, 'Production'), account(DEV, 'Development')];
const types = (events: AnyEvent[]) => events.map((e) => e.type);

describe('creating an organization', () => {
  it('records the organization, the two AWS managed policies and attaches both to the root', () => {
    const events = when(given(accounts), createOrg());
    expect(types(events)).toEqual([
      'OrganizationCreated',
      'OrganizationPolicyCreated',
      'OrganizationPolicyCreated',
      'OrganizationPolicyAttached',
      'OrganizationPolicyAttached',
    ]);
    expect(events[0]).toEqual({
      type: 'OrganizationCreated',
      data: {
        id: 'o-a1b2c3d4e5',
        arn: 'arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5',
        rootId: 'r-ab12',
        managementAccount: MGMT,
      },
    });
    expect(events.slice(1, 3).map((e) => e.data)).toEqual([
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        policyType: 'scp',
        awsManaged: true,
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
      {
        id: 'p-RCPFullAWSAccess',
        name: 'RCPFullAWSAccess',
        policyType: 'rcp',
        awsManaged: true,
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
      },
    ]);
    expect(events.slice(3).map((e) => e.data)).toEqual([
      { policy: 'p-FullAWSAccess', target: 'r-ab12' },
      { policy: 'p-RCPFullAWSAccess', target: 'r-ab12' },
    ]);
  });

  it('derives the organization and root IDs from the seed, in AWS formats, the same every time', () => {
    const first = when(given(accounts), createOrg(null, null))[0];
    const again = when(given(accounts), createOrg(null, null))[0];
    expect(first).toEqual(again);
    const data = first?.data as { id: string; rootId: string };
    expect(data.id).toMatch(/^o-[a-z0-9]{10}$/);
    expect(data.rootId).toMatch(/^r-[a-z0-9]{4}$/);
  });

  it('a second organization is a bug (the resolver refuses it first)', () => {
    expect(() => when(given([...accounts, createOrg()]), createOrg())).toThrow(/one organization/);
  });

  it('nothing else can happen before the organization exists', () => {
    expect(() => when(given(accounts), ou('Workloads'))).toThrow(/before CreateOrganization/);
  });
});

describe('given an organization', () => {
  const org = [...accounts, createOrg()];

  it('an OU gets an id under its root and FullAWSAccess and RCPFullAWSAccess attached', () => {
    const events = when(given(org), ou('Workloads'));
    expect(types(events)).toEqual(['OrganizationalUnitCreated', 'OrganizationPolicyAttached', 'OrganizationPolicyAttached']);
    const created = events[0]?.data as { id: string; parent: string };
    expect(created.id).toMatch(/^ou-ab12-[a-z0-9]{8}$/);
    expect(created.parent).toBe('r-ab12');
    expect(events.slice(1).map((e) => (e.data as { target: string }).target)).toEqual([created.id, created.id]);
  });

  it('a nested OU finds its parent by the path of names; a given id is kept', () => {
    const world = given([...org, ou('Workloads', [], 'ou-ab12-11111111')]);
    const events = when(world, ou('Sandbox', ['Workloads'], 'ou-ab12-22222222'));
    expect(events[0]?.data).toEqual({ id: 'ou-ab12-22222222', name: 'Sandbox', parent: 'ou-ab12-11111111' });
    expect(() => when(world, ou('X', ['Nope']))).toThrow(/no OU Nope/);
  });

  it('an account joins the root or an OU, with the two default policies attached to it', () => {
    const world = given([...org, ou('Workloads', [], 'ou-ab12-11111111')]);
    const events = when(world, join(PROD, ['Workloads']));
    expect(events).toEqual([
      { type: 'AccountJoinedOrganization', data: { account: PROD, parent: 'ou-ab12-11111111' } },
      { type: 'OrganizationPolicyAttached', data: { policy: 'p-FullAWSAccess', target: PROD } },
      { type: 'OrganizationPolicyAttached', data: { policy: 'p-RCPFullAWSAccess', target: PROD } },
    ]);
    const after = given([...org, ou('Workloads', [], 'ou-ab12-11111111'), join(PROD, ['Workloads']), join(MGMT)]);
    const o = after.organizations.organization!;
    expect(orgPath(o, PROD)).toEqual(['r-ab12', 'ou-ab12-11111111', PROD]);
    expect(orgEntityPath(o, PROD)).toBe('o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/');
    expect(orgEntityPath(o, MGMT)).toBe('o-a1b2c3d4e5/r-ab12/');
    expect(orgPath(o, DEV)).toBeNull();
    expect(() => when(after, join(PROD))).toThrow(/already a member/);
  });

  it('a customer policy gets a p- id from the seed; attach and detach are recorded by id', () => {
    const world = given([...org, policy('DenyS3')]);
    const id = Object.values(world.organizations.organization!.policies).find((p) => p.name === 'DenyS3')!.id;
    expect(id).toMatch(/^p-[a-z0-9]{8}$/);
    expect(when(world, attach('DenyS3', { kind: 'root' }))).toEqual([
      { type: 'OrganizationPolicyAttached', data: { policy: id, target: 'r-ab12' } },
    ]);
    const attached = given([...org, policy('DenyS3'), attach('DenyS3', { kind: 'root' }), detach('FullAWSAccess', { kind: 'root' })]);
    expect(attached.organizations.organization!.attached['r-ab12']).toEqual(['p-RCPFullAWSAccess', id]);
  });

  it('targets an account by its id once it is a member', () => {
    const world = given([...org, join(PROD), policy('DenyS3')]);
    expect(when(world, attach('DenyS3', { kind: 'account', account: PROD }))[0]?.data).toMatchObject({ target: PROD });
    expect(() => when(world, attach('DenyS3', { kind: 'account', account: DEV }))).toThrow(/not a member/);
  });

  it('commands the resolver never sends are bugs: RCPFullAWSAccess stays, no double attachment', () => {
    const world = given(org);
    expect(() => when(world, detach('RCPFullAWSAccess', { kind: 'root' }))).toThrow(/cannot be detached/);
    expect(() => when(world, attach('FullAWSAccess', { kind: 'root' }))).toThrow(/already attached/);
    expect(() => when(world, attach('Nope', { kind: 'root' }))).toThrow(/no organization policy Nope/);
  });
});

describe('the organization lives in the event log', () => {
  it('replaying the events of an organization scenario rebuilds the world and the trace', () => {
    const { events, world, trace } = sim(readFileSync('scenarios/scp-allow-list.iam', 'utf8'));
    expect(replay(events)).toEqual(world);
    expect(project(JSON.parse(JSON.stringify(events)))).toEqual(trace);
    expect(trace.organization?.nodes.map((n) => `${n.kind} ${n.name}`)).toEqual([
      'root root',
      'ou Workloads',
      'account Management',
      'account Staging',
      'account Production',
    ]);
  });
});
