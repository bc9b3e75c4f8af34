import path from 'node:path';
import type { ComponentSyncResult } from '../../../shared/contract/components.js';
import { resourcesDir } from '../app-paths.js';
import { createCoreServices, type CoreServices } from '../services.js';
import type { Role } from '../../../shared/domain/roles.js';
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
    await addDemoPeople(core);
    return { workspace, components };
  } catch (error) {
    await workspace.close();
    throw error;
  }
}

/** The demo's passphrase for every demo person's key (README.md says so; never use it for real keys). */
export const DEMO_PASSPHRASE = 'demo';

/** The people of the demo: an admin, and one person per signing role, all with keys on this machine. */
export const DEMO_PEOPLE: ReadonlyArray<{ name: string; roles: Role[] }> = [
  { name: 'Gulnara', roles: ['admin'] },
  { name: 'Dana', roles: ['reviewer'] },
  { name: 'Arman', roles: ['security', 'reviewer'] },
  { name: 'Aigerim', roles: ['approver'] },
];

async function addDemoPeople(core: CoreServices): Promise<void> {
  const [admin, ...others] = DEMO_PEOPLE;
  await core.identities.create(admin!.name, DEMO_PASSPHRASE);
  await core.roster.init(admin!.name);
  for (const person of others) {
    await core.identities.create(person.name, DEMO_PASSPHRASE);
    await core.roster.add(admin!.name, person.name, person.roles, undefined);
  }
}
