import type { FileContent } from '../../../shared/contract/code.js';
import type { FileChange } from '../../../shared/contract/history.js';
import { AppError } from '../../../shared/errors.js';
import { hasEscapedBytes } from '../../../shared/domain/path-bytes.js';
import { diffTrees } from '../../git/diff-tree.js';
import { unifiedDiff } from '../../git/diff-patch.js';
import type { ResolvedRelease } from '../code/release-service.js';
import { fileChangeOf, totalsOf } from './change-status.js';
import { withGit, type HistoryContext } from './history-context.js';
import { entryAt, isWithin, literalPathspec, sortByPathBytes } from './path-arguments.js';
import { readFileAt } from './release-file.js';

/** A patch larger than this is refused: it is for reading, and a person cannot read more. */
export const PATCH_LIMIT_MIB = 64;

interface ReleasePair {
  from: ResolvedRelease;
  to: ResolvedRelease;
}

/** The changed files between two releases (renames detected), optionally under one folder or file. */
export async function diffFiles(context: HistoryContext, component: string, fromRef: string, toRef: string, path?: string) {
  const { from, to } = await resolvePair(context, component, fromRef, toRef);
  if (path !== undefined) await requirePathOnEitherSide(context, { from, to }, fromRef, toRef, path);
  // A name that is not UTF-8 cannot be a command-line pathspec: such a filter is applied to the full diff.
  const filterHere = path !== undefined && hasEscapedBytes(path);
  const pathspecs = path === undefined || filterHere ? [] : [literalPathspec(path)];
  let changes = await withGit(component, diffTrees(from.gitDir, from.commit, to.commit, pathspecs));
  if (filterHere) changes = changes.filter((c) => isWithin(c.path, path) || (c.oldPath !== null && isWithin(c.oldPath, path)));
  const files: FileChange[] = sortByPathBytes(changes.map(fileChangeOf));
  return { from: { ref: fromRef, commit: from.commit }, to: { ref: toRef, commit: to.commit }, files, totals: totalsOf(files) };
}

/** Both sides of one file for a side-by-side view; null on the side where it does not exist. */
export async function diffFile(context: HistoryContext, component: string, fromRef: string, toRef: string, path: string, oldPath?: string) {
  const { from, to } = await resolvePair(context, component, fromRef, toRef);
  // Both sides are read at once; when both fail, the old side's error is the one reported, every time.
  const [before, after] = await Promise.allSettled([readSide(context, from, fromRef, oldPath ?? path), readSide(context, to, toRef, path)]);
  if (before.status === 'rejected') throw before.reason;
  if (after.status === 'rejected') throw after.reason;
  const [oldFile, newFile] = [before.value, after.value];
  if (!oldFile && !newFile) throw new AppError('NOT_FOUND', 'error.diff.pathNotFound', { component, from: fromRef, to: toRef, path });
  return { old: oldFile, new: newFile };
}

/** The unified diff between two releases, as text. */
export async function diffPatch(context: HistoryContext, component: string, fromRef: string, toRef: string, path?: string) {
  const { from, to } = await resolvePair(context, component, fromRef, toRef);
  if (path !== undefined) await requirePathOnEitherSide(context, { from, to }, fromRef, toRef, path);
  const pathspecs = path === undefined ? [] : [literalPathspec(path)];
  const patch = await withGit(component, unifiedDiff(from.gitDir, from.commit, to.commit, pathspecs, PATCH_LIMIT_MIB * 1024 * 1024));
  if (patch === null) throw new AppError('INVALID_INPUT', 'error.diff.patchTooLarge', { component, from: fromRef, to: toRef, limit: PATCH_LIMIT_MIB });
  return { from: { ref: fromRef, commit: from.commit }, to: { ref: toRef, commit: to.commit }, patch: patch.toString('utf8') };
}

async function resolvePair(context: HistoryContext, component: string, fromRef: string, toRef: string): Promise<ReleasePair> {
  const [from, to] = await Promise.all([context.releases.resolve(component, fromRef), context.releases.resolve(component, toRef)]);
  return { from, to };
}

async function requirePathOnEitherSide(context: HistoryContext, pair: ReleasePair, fromRef: string, toRef: string, path: string): Promise<void> {
  const { objects } = context.workspace;
  const [before, after] = await Promise.all([entryAt(objects, pair.from.gitDir, pair.from.tree, path), entryAt(objects, pair.to.gitDir, pair.to.tree, path)]);
  if (!before && !after) throw new AppError('NOT_FOUND', 'error.diff.pathNotFound', { component: pair.from.component.name, from: fromRef, to: toRef, path });
}

async function readSide(context: HistoryContext, release: ResolvedRelease, ref: string, path: string): Promise<FileContent | null> {
  try {
    return await readFileAt(context, release, ref, path);
  } catch (error) {
    if (error instanceof AppError && error.messageKey === 'error.path.notFound') return null;
    throw error;
  }
}
