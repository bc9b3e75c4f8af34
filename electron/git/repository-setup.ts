import { runGit } from './runner.js';

/**
 * Settings written into every mirror, so that even a person running `git gc` inside it by hand cannot
 * prune deposited objects, and every ref move is journaled in a reflog.
 */
export const MIRROR_CONFIG: ReadonlyArray<[string, string]> = [
  ['core.logAllRefUpdates', 'always'],
  ['gc.auto', '0'],
  ['gc.pruneExpire', 'never'],
  ['gc.reflogExpire', 'never'],
  ['gc.reflogExpireUnreachable', 'never'],
  ['maintenance.auto', 'false'],
  ['receive.denyDeletes', 'true'],
  ['receive.denyNonFastForwards', 'true'],
];

export async function initBareMirror(gitDir: string): Promise<void> {
  await runGit(['init', '--quiet', '--bare', '--template=', gitDir], { cwd: process.cwd() });
  await configureMirror(gitDir);
}

/** Make a bare repository one of our mirrors: our settings, and no remembered remote. */
export async function configureMirror(gitDir: string, options: { settingsWritten?: boolean } = {}): Promise<void> {
  await runGit(['config', '--remove-section', 'remote.origin'], { gitDir, okExitCodes: [0, 128] });
  if (options.settingsWritten) return;
  for (const [key, value] of MIRROR_CONFIG) {
    await runGit(['config', key, value], { gitDir });
  }
}
