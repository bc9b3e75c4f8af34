import type { ChangeStatus, FileChange } from '../../../shared/contract/history.js';
import type { ChangeLetter, TreeChange } from '../../git/diff-tree.js';

const STATUS_OF: Readonly<Record<ChangeLetter, ChangeStatus>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

export function fileChangeOf(change: TreeChange): FileChange {
  return {
    status: STATUS_OF[change.letter],
    path: change.path,
    oldPath: change.oldPath,
    oldMode: change.oldMode,
    newMode: change.newMode,
    oldOid: change.oldOid,
    newOid: change.newOid,
    additions: change.additions,
    deletions: change.deletions,
  };
}

export function totalsOf(files: readonly { additions: number | null; deletions: number | null }[]): { files: number; additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const file of files) {
    additions += file.additions ?? 0;
    deletions += file.deletions ?? 0;
  }
  return { files: files.length, additions, deletions };
}
