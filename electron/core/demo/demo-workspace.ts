import path from 'node:path';
import type { ComponentSyncResult } from '../../../shared/contract/components.js';
import { resourcesDir } from '../app-paths.js';
import { createCoreServices } from '../services.js';
import { Workspace, type Face } from '../workspace/workspace.js';
import { buildDemoVendorRepositories } from './demo-vendor.js';
import type { SyncProgress } from '../escrow/sync-service.js';

export interface DemoWorkspaceResult {
  workspace: Workspace;
  components: ComponentSyncResult[];
}

/**
 * A ready workspace on the bundled demo platform: the vendor repositories are generated under
 * `<workspace>/demo-vendor/`, registered as components by local path, and mirrored.
 */
export async function createDemoWorkspace(root: string, face: Face, onProgress?: (p: SyncProgress) => void): Promise<DemoWorkspaceResult> {
  const workspace = await Workspace.create(root, face);
  try {
    const repositories = await buildDemoVendorRepositories(path.join(resourcesDir(), 'demo'), path.join(root, 'demo-vendor'));
    const core = createCoreServices(workspace);
    for (const repository of repositories) await core.components.add(repository.name, repository.path);
    const components = await core.sync.syncComponents(undefined, { onProgress });
    return { workspace, components };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}
