import type { SearchScope } from '../../../shared/contract/search.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService } from '../code/release-service.js';
import type { Workspace } from '../workspace/workspace.js';

/** A release to search: what the results name it, and where its objects are. */
export interface ScopedRelease {
  component: string;
  ref: string;
  commit: string;
  gitDir: string;
}

/**
 * The releases a scope names: one release as a person typed it, or the newest pinned release of every
 * component (the exact commit that was pinned, even if its tag has moved since), ordered by component.
 */
export async function releasesInScope(scope: SearchScope, workspace: Workspace, releases: ReleaseService): Promise<ScopedRelease[]> {
  if (scope.kind === 'release') {
    const release = await releases.resolve(scope.component, scope.ref);
    return [{ component: release.component.name, ref: release.refname ?? release.commit, commit: release.commit, gitDir: release.gitDir }];
  }
  const rows = await workspace.db.read.all<{ component_id: string; name: string; refname: string; commit_id: string }>(sql`
    SELECT c.id AS component_id, c.name, r.refname, r.commit_id FROM releases r JOIN components c ON c.id = r.component_id
    WHERE r.id = (SELECT MAX(id) FROM releases WHERE component_id = r.component_id)
    ORDER BY c.name COLLATE NOCASE`);
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'error.search.nothingPinned');
  return rows.map((row) => ({ component: row.name, ref: row.refname, commit: row.commit_id, gitDir: workspace.paths.mirror(row.component_id) }));
}
