import { runGit } from './runner.js';

/**
 * Settings written into every mirror we create, so that even a person running `git gc` inside it by hand
 * cannot prune deposited objects, and every ref move is journaled in a reflog.
 */
const MIRROR_CONFIG: ReadonlyArray<[string, string]> = [
  ['core.logAllRefUpdates', 'always'],
  ['gc.auto', '0'],
  ['gc.pruneExpire', 'never'],
  ['gc.reflogExpire', 'never'],
  ['gc.reflogExpireUnreachable', 'never'],
  ['maintenance.auto', 'false'],
  ['core.fsync', 'objects,reference'],
  ['receive.denyDeletes', 'true'],
  ['receive.denyNonFastForwards', 'true'],
];

export async function initBareMirror(gitDir: string): Promise<void> {
  await runGit(['init', '--quiet', '--bare', gitDir], { cwd: process.cwd() });
  for (const [key, value] of MIRROR_CONFIG) {
    await runGit(['config', key, value], { gitDir });
  }
}
