import { NO_DIFF_DRIVERS } from './diff-tree.js';
import { GitError } from './git-error.js';
import { runGit } from './runner.js';

/**
 * The unified diff between two commits (`git diff`, with rename detection and fixed a/ b/ prefixes), or
 * null when it is larger than `maxBytes`. Pathspecs must already be literal.
 */
export async function unifiedDiff(gitDir: string, from: string, to: string, pathspecs: readonly string[], maxBytes: number, signal?: AbortSignal): Promise<Buffer | null> {
  const args = ['diff', ...NO_DIFF_DRIVERS, '--no-color', '-M', '--src-prefix=a/', '--dst-prefix=b/', from, to, '--', ...pathspecs];
  try {
    return (await runGit(args, { gitDir, signal, maxStdoutBytes: maxBytes })).stdout;
  } catch (error) {
    // The runner stops the process itself when output passes the limit; that is our answer, not git's.
    if (error instanceof GitError && error.exitCode === null && error.stderr.startsWith('output larger than')) return null;
    throw error;
  }
}
