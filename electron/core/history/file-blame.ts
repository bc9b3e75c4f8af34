import type { FileContent } from '../../../shared/contract/code.js';
import { AppError } from '../../../shared/errors.js';
import { blameFile, type Blame } from '../../git/blame.js';
import { withGit, type HistoryContext } from './history-context.js';
import { commandLinePath } from './path-arguments.js';
import { readFileAt } from './release-file.js';

/** Who last changed each line of a file in a release: ranges of lines with their commit and original place. */
export async function blame(context: HistoryContext, component: string, ref: string, path: string) {
  const release = await context.releases.resolve(component, ref);
  // Blame starts at once; reading the file meanwhile gives the specific errors (missing, folder, binary),
  // which win over git's, and stops the blame when it has nothing to say.
  const stop = new AbortController();
  const blaming = withGit(component, blameFile(release.gitDir, release.commit, commandLinePath(path), stop.signal));
  // Git may fail (a missing path) before the read does: that failure is awaited below, not unhandled.
  blaming.catch(() => undefined);
  let file: FileContent;
  try {
    file = await readFileAt(context, release, ref, path);
    if (file.kind === 'binary' || file.kind === 'submodule') {
      throw new AppError('INVALID_INPUT', file.kind === 'binary' ? 'error.blame.binary' : 'error.blame.submodule', { component, ref: release.refname ?? ref, path });
    }
  } catch (error) {
    stop.abort();
    throw error;
  }
  const result: Blame = await blaming;
  return { commit: release.commit, path, lines: result.lines, ranges: result.ranges, commits: Object.fromEntries(result.commits) };
}
