// Pass 2: a parsed scenario becomes the engine's commands, with every name resolved and every
// policy validated. Declarations take effect before the first step, wherever they appear.
import type { CommandEnvelope } from '../../engine/events.js';
import { metaOf } from '../../engine/envelope.js';
import { DEFAULT_CLOCK, DEFAULT_REGION, defaultTitle } from '../../engine/scenario/state.js';
import type { Loc, ScenarioFile, WorldItem } from '../ast.js';
import { eksCommands } from './eks.js';
import { identityCenterCommands } from './identity-center.js';
import { located } from './located.js';
import { oidcCommands } from './oidc.js';
import { samlCommands } from './saml.js';
import { organizationCommands } from './organization.js';
import { stepCommands, type StepScope } from './steps.js';
import { collectSymbols, makeResolver } from './symbols.js';
import { checkRegion, durationSeconds, formatDuration, instant } from './values.js';
import { accountCommands, awsPolicyCommands } from './world.js';
import { vpcEndpointCommands } from './vpc-endpoint.js';
import { workloadCommands } from './workloads.js';

export interface ResolveOptions {
  /** reads a file named relative to the scenario (for `file "policy.json"`) */
  readonly readFile: (path: string) => { text: string; file: string };
  /**
   * whether the run records every evaluation's full detail (`--explain`, the Markdown walkthrough,
   * an event log); recorded unless false. It costs about half the run, so plain runs leave it out.
   */
  readonly detail?: boolean;
}

export interface ResolvedScenario {
  readonly title: string;
  readonly commands: CommandEnvelope[];
}

/**
 * A scenario's commands, resolved from its syntax tree: the world's first (every declaration, wherever
 * it is), then each step and wait in order.
 */
export function resolveScenario(ast: ScenarioFile, options: ResolveOptions): ResolvedScenario {
  const scenario = resolveDeclarations(ast, options);
  const commands = [...scenario.world];
  for (const item of ast.items) commands.push(...scenario.item(item));
  return { title: scenario.title, commands };
}

/** A scenario's world, resolved; its steps and waits are resolved one at a time, in order (a long run streams them). */
export interface ScenarioResolver {
  readonly title: string;
  /** the world's commands: the scenario's start and every declaration */
  readonly world: CommandEnvelope[];
  /** the commands of the next step or wait (none for a declaration: those are in `world`) */
  item(item: WorldItem): CommandEnvelope[];
}

/**
 * Resolves the declarations of `ast` (its steps and waits, if it has any, are left for
 * ScenarioResolver.item). Throws the first located error of a declaration.
 */
export function resolveDeclarations(ast: ScenarioFile, options: ResolveOptions): ScenarioResolver {
  const at = located(ast.file);
  // the first two items of each kind, in one pass over thousands of steps
  const firstTwo = new Map<string, WorldItem[]>();
  for (const item of ast.items) {
    const seen = firstTwo.get(item.kind);
    if (seen === undefined) firstTwo.set(item.kind, [item]);
    else if (seen.length < 2) seen.push(item);
  }
  const once = <K extends WorldItem['kind']>(kind: K): Extract<WorldItem, { kind: K }> | undefined => {
    const all = (firstTwo.get(kind) ?? []) as Extract<WorldItem, { kind: K }>[];
    if (all.length > 1)
      throw at.error(all[1]!.loc, `the scenario sets ${kind.toLowerCase()} twice`, {
        expected: `one ${kind.toLowerCase()} for the whole scenario`,
      });
    return all[0];
  };
  const titleItem = once('ScenarioTitle');
  const description = once('Description');
  const clockItem = once('Clock');
  const regionItem = once('Region');
  const title = titleItem?.title.text ?? defaultTitle(ast.file);
  const region = regionItem ? checkRegion(regionItem.name, at) : DEFAULT_REGION;

  let commands: CommandEnvelope[] = [];
  let step: number | undefined;
  const emit = (command: CommandEnvelope['command'], loc: Loc) => commands.push({ command, meta: metaOf(step, loc) });

  emit(
    {
      type: 'StartScenario',
      data: {
        title,
        description: description?.text.text ?? null,
        file: ast.file,
        seed: title,
        clock: clockItem ? instant(clockItem.time, at) : DEFAULT_CLOCK,
        region,
        detail: options.detail ?? true,
      },
    },
    titleItem?.loc ?? { line: 1, col: 1, offset: 0 },
  );

  const symbols = collectSymbols(ast, at);
  const resolver = makeResolver(symbols, at);
  const ctx = { resolver, readFile: options.readFile };
  for (const sym of symbols.accounts) emit({ type: 'CreateAccount', data: { id: sym.id, name: sym.name } }, sym.decl.loc);
  awsPolicyCommands(ctx, emit);
  for (const sym of symbols.accounts) accountCommands(sym, ctx, emit);
  for (const sym of symbols.accounts) {
    for (const m of sym.decl.members) if (m.kind === 'VpcEndpoint') vpcEndpointCommands(sym, m, region, { ...ctx, here: sym }, emit);
  }
  workloadCommands(symbols.accounts, resolver, region, emit);
  const organization = once('Organization');
  if (organization) organizationCommands(organization, ctx, emit);
  oidcCommands(ast, resolver, emit);
  samlCommands(ast, resolver, emit);
  eksCommands(ctx, emit);
  const identityCenter = once('IdentityCenter');
  const sso = identityCenter ? identityCenterCommands(identityCenter, organization, title, region, ctx, emit) : undefined;
  const world = commands;

  const scope: StepScope = { ctx: { ...ctx, here: null }, region, kept: new Set(), messages: new Set(), ...(sso ? { sso } : {}) };
  let index = 0;
  return {
    title,
    world,
    item(item) {
      commands = [];
      if (item.kind === 'Step') {
        index++;
        step = index;
        stepCommands(item, index, scope, emit);
        step = undefined;
      } else if (item.kind === 'Wait') {
        const seconds = durationSeconds(item.duration, at);
        emit({ type: 'AdvanceClock', data: { seconds, text: formatDuration(seconds) } }, item.loc);
      }
      return commands;
    },
  };
}
