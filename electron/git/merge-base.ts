import { runGit } from './runner.js';

/** True when `ancestor` is reachable from `descendant`: the ref moved fast-forward. */
export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  const { exitCode } = await runGit(['merge-base', '--is-ancestor', ancestor, descendant], { gitDir, okExitCodes: [0, 1] });
  return exitCode === 0;
}
