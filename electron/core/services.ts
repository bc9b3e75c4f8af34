import { ReleaseService } from './code/release-service.js';
import { TreeService } from './code/tree-service.js';
import { ComponentService } from './escrow/component-service.js';
import { SyncService } from './escrow/sync-service.js';
import type { Workspace } from './workspace/workspace.js';

/** The core's services for one open workspace, wired once; faces reach them only through the API. */
export interface CoreServices {
  workspace: Workspace;
  components: ComponentService;
  sync: SyncService;
  releases: ReleaseService;
  trees: TreeService;
}

export function createCoreServices(workspace: Workspace): CoreServices {
  const components = new ComponentService(workspace);
  const releases = new ReleaseService(workspace, components);
  return {
    workspace,
    components,
    sync: new SyncService(workspace, components),
    releases,
    trees: new TreeService(workspace, releases),
  };
}
