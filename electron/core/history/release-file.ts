import type { FileContent } from '../../../shared/contract/code.js';
import { AppError } from '../../../shared/errors.js';
import type { ResolvedRelease } from '../code/release-service.js';
import type { HistoryContext } from './history-context.js';

/**
 * A file of an already resolved release, read as the viewer reads it. The tree service takes a ref, so the
 * commit id is passed as one; a vendor tag or branch named exactly like that id would win the lookup, and
 * is refused rather than shown in the commit's place. Errors name the release as the person typed it.
 */
export async function readFileAt(context: HistoryContext, release: ResolvedRelease, ref: string, path: string): Promise<FileContent> {
  const component = release.component.name;
  let read: { commit: string; file: FileContent };
  try {
    read = await context.trees.read(component, release.commit, path);
  } catch (error) {
    if (error instanceof AppError && (error.messageKey === 'error.path.notFound' || error.messageKey === 'error.path.isDirectory')) {
      throw new AppError(error.code, error.messageKey, { component, ref: release.refname ?? ref, path });
    }
    throw error;
  }
  if (read.commit !== release.commit) throw new AppError('CONFLICT', 'error.history.refShadowsCommit', { component, commit: release.commit });
  return read.file;
}
