import type { ReleaseService } from '../code/release-service.js';
import type { TreeService } from '../code/tree-service.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { Workspace } from '../workspace/workspace.js';
import { showCommit } from './commit-details.js';
import { blame } from './file-blame.js';
import { fileHistory } from './file-history.js';
import type { HistoryContext } from './history-context.js';
import { diffFile, diffFiles, diffPatch } from './release-diff.js';

/**
 * Comparing releases, blame, file history and commit details, all read from the bare mirror: refs are
 * resolved to commit ids first, paths reach git only as literal pathspecs, and no diff driver ever runs.
 */
export class HistoryService {
  private readonly context: HistoryContext;

  constructor(workspace: Workspace, components: ComponentService, releases: ReleaseService, trees: TreeService) {
    this.context = { workspace, components, releases, trees };
  }

  diffFiles(component: string, from: string, to: string, path?: string) {
    return diffFiles(this.context, component, from, to, path);
  }

  diffFile(component: string, from: string, to: string, path: string, oldPath?: string) {
    return diffFile(this.context, component, from, to, path, oldPath);
  }

  diffPatch(component: string, from: string, to: string, path?: string) {
    return diffPatch(this.context, component, from, to, path);
  }

  blame(component: string, ref: string, path: string) {
    return blame(this.context, component, ref, path);
  }

  fileHistory(component: string, ref: string, path: string, limit = 100) {
    return fileHistory(this.context, component, ref, path, limit);
  }

  showCommit(component: string, commit: string) {
    return showCommit(this.context, component, commit);
  }
}
