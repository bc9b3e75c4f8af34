import path from 'node:path';
import { createCoreDispatcher } from '../../electron/api/core-dispatcher.js';
import type { Dispatcher } from '../../electron/api/dispatcher.js';
import type { CoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import type { Role } from '../../shared/domain/roles.js';
import { tempDir } from './temp.js';

export interface TestWorkspace {
  root: string;
  workspace: Workspace;
  core: CoreServices;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** Every test key is locked with this passphrase (ESCROW_PASSPHRASE for CLI children). */
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** Who the test workspace's roster holds unless a test says otherwise: an admin and three people with every signing role. */
export const TEST_PEOPLE: Readonly<Record<string, readonly Role[]>> = {
  alice: ['reviewer', 'security', 'approver'],
  bob: ['reviewer', 'security', 'approver'],
  carol: ['reviewer', 'security', 'approver'],
};

export interface TestWorkspaceOptions {
  /** People to add to the roster besides the admin (default TEST_PEOPLE); `null` leaves the roster empty. */
  people?: Readonly<Record<string, readonly Role[]>> | null;
  /** Whom calls are made as when a test names nobody (default the first person). */
  actor?: string;
}

/**
 * A new workspace in a temp folder with the core and dispatcher wired as the faces wire them; its roster has
 * `admin` (the trust root) and the test people, each with a key on this "machine" opened by TEST_PASSPHRASE.
 */
export async function createTestWorkspace(options: TestWorkspaceOptions = {}): Promise<TestWorkspace> {
  const root = path.join(await tempDir('ew-ws-'), 'workspace');
  const workspace = await Workspace.create(root, 'cli');
  const people = options.people === undefined ? TEST_PEOPLE : options.people;
  const actor = options.actor ?? Object.keys(people ?? {})[0] ?? 'admin';
  const { core, dispatcher } = await createCoreDispatcher(workspace, { actor, passphrases: async () => TEST_PASSPHRASE, validateOutput: true });
  if (people !== null) {
    await core.identities.create('admin', TEST_PASSPHRASE);
    await core.roster.init('admin');
    await addPeople(core, people);
  }
  return { root, workspace, core, dispatcher, close: () => workspace.close() };
}

/** Make keys for people on this machine and add them to the roster, signed by `admin`. */
export async function addPeople(core: CoreServices, people: Readonly<Record<string, readonly Role[]>>): Promise<void> {
  for (const [name, roles] of Object.entries(people)) {
    await core.identities.create(name, TEST_PASSPHRASE);
    await core.roster.add('admin', name, roles, undefined);
  }
}

/** Call a method through the dispatcher and return the result, failing the test on an error outcome. */
export async function call(dispatcher: Dispatcher, method: string, input: unknown, actor?: string): Promise<never> {
  const outcome = await dispatcher.invoke(method, input, { actor });
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as never;
}
