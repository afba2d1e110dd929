// The package as a user gets it, for the tests that install it: `npm pack` of the built tree (the
// tree is already built by npm test's pretest, hence `--ignore-scripts`; `npm pack` alone builds
// afresh through `prepare`), installed offline into an empty project, and `npx` run there.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

/** Packs the package into `dir`; the tarball's file name. */
export function packTarball(dir: string): string {
  return execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim();
}

/** A new project `app` (an empty package.json) with the tarball installed from its own folder, without the network. */
export function installPacked(tarball: string, app: string): SpawnSyncReturns<string> {
  mkdirSync(app, { recursive: true });
  const name = tarball.split('/').pop()!;
  cpSync(tarball, join(app, name));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true }));
  return spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${name}`], { cwd: app, encoding: 'utf8' });
}

/** `npx --offline ARGS` in the project, as a user runs the installed command. */
export function npx(app: string, args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('npx', ['--offline', ...args], { cwd: app, env: { ...process.env, ...env }, encoding: 'utf8' });
}
