import { parseUnifiedZeroHunks, type DiffHunk } from '../../shared/domain/anchors.js';
import { NO_DIFF_DRIVERS } from './diff-tree.js';
import { GitError } from './git-error.js';
import { runGit } from './runner.js';

/** Only hunk headers are read; a diff larger than this is not worth mapping line by line. */
const MAX_DIFF_BYTES = 64 * 1024 * 1024;

const BINARY_NOTICE = /^Binary files .* differ$/m;

/**
 * The hunks between two blobs (`git diff -U0` of their ids, no context lines, so every hunk is a real
 * change). Null when git compares them as binary or the diff is too large: then there are no line hunks to
 * map through, which must not be read as "nothing changed". Object ids only, never paths or revisions.
 */
export async function diffBlobHunks(gitDir: string, oldBlob: string, newBlob: string, signal?: AbortSignal): Promise<DiffHunk[] | null> {
  for (const oid of [oldBlob, newBlob]) {
    if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new GitError('bad-revision', ['diff'], null, `not a full object id: ${JSON.stringify(oid)}`);
  }
  const args = ['diff', '-U0', '--no-color', ...NO_DIFF_DRIVERS, oldBlob, newBlob];
  let stdout: Buffer;
  try {
    stdout = (await runGit(args, { gitDir, signal, maxStdoutBytes: MAX_DIFF_BYTES })).stdout;
  } catch (error) {
    // The runner stops the process itself when output passes the limit; that is our answer, not git's.
    if (error instanceof GitError && error.exitCode === null && error.stderr.startsWith('output larger than')) return null;
    throw error;
  }
  // Content lines are vendor bytes in any encoding; latin1 keeps every byte as one character for the headers.
  const text = stdout.toString('latin1');
  const hunks = parseUnifiedZeroHunks(text);
  if (hunks.length === 0 && BINARY_NOTICE.test(text)) return null;
  return hunks;
}
