import { AppError } from '../../../shared/errors.js';
import { logFileHistory } from '../../git/log.js';
import { normaliseBlobMode } from '../../git/objects.js';
import { withGit, type HistoryContext } from './history-context.js';
import { entryAt, literalPathspec } from './path-arguments.js';

/** The commits that changed one file of a release, newest first, following it back through renames. */
export async function fileHistory(context: HistoryContext, component: string, ref: string, path: string, limit: number) {
  const release = await context.releases.resolve(component, ref);
  const shown = release.refname ?? ref;
  const entry = await entryAt(context.workspace.objects, release.gitDir, release.tree, path);
  if (!entry) throw new AppError('NOT_FOUND', 'error.path.notFound', { component, ref: shown, path });
  // --follow traces one file; a folder's history is a different question.
  if (normaliseBlobMode(entry.mode) === '040000') throw new AppError('INVALID_INPUT', 'error.path.isDirectory', { component, ref: shown, path });
  const entries = await withGit(component, logFileHistory(release.gitDir, release.commit, literalPathspec(path), limit));
  // A commit listed without a status record (not expected with first-parent diffs) keeps the newer name.
  let known = path;
  for (const item of entries) {
    if (item.path === '') item.path = known;
    known = item.path;
  }
  return { entries };
}
