import { GitError } from '../../git/git-error.js';
import type { ReleaseService } from '../code/release-service.js';
import type { TreeService } from '../code/tree-service.js';
import type { ComponentService } from '../escrow/component-service.js';
import { gitFailureToAppError } from '../git-failure.js';
import type { Workspace } from '../workspace/workspace.js';

/** What the history features read through: the workspace's object store and the code services. */
export interface HistoryContext {
  workspace: Workspace;
  components: ComponentService;
  releases: ReleaseService;
  trees: TreeService;
}

/** Run a git step for `component`, turning its failure into the API error a person can act on. */
export async function withGit<T>(component: string, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    throw error instanceof GitError ? gitFailureToAppError(error, component) : error;
  }
}
