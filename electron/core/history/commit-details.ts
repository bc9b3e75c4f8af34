import type { CommitDetails } from '../../../shared/contract/history.js';
import { AppError } from '../../../shared/errors.js';
import { diffTrees } from '../../git/diff-tree.js';
import type { ObjectInfo } from '../../git/cat-file-batch.js';
import { objectsWithPrefix } from '../../git/disambiguate.js';
import { GitError } from '../../git/git-error.js';
import { parseIdentityLine } from '../../git/identity-line.js';
import { fileChangeOf } from './change-status.js';
import { withGit, type HistoryContext } from './history-context.js';
import { sortByPathBytes } from './path-arguments.js';

/** One commit of a mirror: who, when, why, and the files it changed against its first parent. */
export async function showCommit(context: HistoryContext, component: string, commitId: string): Promise<CommitDetails> {
  const row = await context.components.require(component);
  const gitDir = context.workspace.paths.mirror(row.id);
  const info = await withGit(component, resolveObject(context, gitDir, component, commitId));
  if (!info) throw new AppError('NOT_FOUND', 'error.history.commitNotFound', { component, commit: commitId });
  const oid = info.oid;
  if (info.type !== 'commit') throw new AppError('INVALID_INPUT', 'error.history.notACommit', { component, commit: commitId, type: info.type });
  const header = await context.workspace.objects.readCommit(gitDir, oid);
  const changes = await withGit(component, diffTrees(gitDir, header.parents[0] ?? null, oid));
  return {
    commit: oid,
    parents: header.parents,
    author: parseIdentityLine(header.author),
    committer: parseIdentityLine(header.committer),
    message: header.message,
    files: sortByPathBytes(changes.map(fileChangeOf)).map(({ status, path, oldPath, additions, deletions }) => ({ status, path, oldPath, additions, deletions })),
  };
}

/**
 * The object a hex prefix names. The object reader answers most prefixes directly; but git resolves a short
 * name as a ref first, so when its answer does not start with the prefix, a vendor ref was named like it,
 * and the object ids themselves are listed instead.
 */
async function resolveObject(context: HistoryContext, gitDir: string, component: string, prefix: string): Promise<ObjectInfo | null> {
  const ambiguous = () => new AppError('INVALID_INPUT', 'error.history.commitAmbiguous', { component, commit: prefix });
  let info: ObjectInfo | null;
  try {
    info = await context.workspace.objects.info(gitDir, prefix);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'bad-revision' && /ambiguous/.test(error.stderr)) throw ambiguous();
    throw error;
  }
  if (!info || info.oid.startsWith(prefix)) return info;
  const matches = await objectsWithPrefix(gitDir, prefix);
  if (matches.length > 1) throw ambiguous();
  return matches.length === 0 ? null : context.workspace.objects.info(gitDir, matches[0]!);
}
