import { createCoreServices, type CoreOptions, type CoreServices } from '../core/services.js';
import { IdentityStore } from '../core/trust/identity-store.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { Dispatcher } from './dispatcher.js';
import { createHandlers } from './handlers.js';

export interface CoreDispatcherOptions extends CoreOptions {
  validateOutput?: boolean;
  log?: (message: string) => void;
}

/**
 * The core and its dispatcher, wired the same way for every face (CLI, web mode, Electron, tests): the
 * permission matrix is checked on every call, and a call names its person or is made as the default one —
 * the one person whose key is on this machine, else the OS user.
 */
export async function createCoreDispatcher(workspace: Workspace, options: CoreDispatcherOptions = {}): Promise<{ core: CoreServices; dispatcher: Dispatcher }> {
  let actor = options.actor;
  if (actor === undefined) {
    const local = await listLocal(workspace);
    if (local.length === 1) actor = local[0];
  }
  const core = createCoreServices(workspace, { ...options, actor });
  const dispatcher = new Dispatcher({
    handlers: createHandlers(core),
    defaultActor: core.actor,
    events: workspace.events,
    writable: workspace.writable,
    validateOutput: options.validateOutput ?? process.env['ESCROW_VALIDATE_OUTPUT'] === '1',
    log: options.log,
    authorize: core.access.authorize,
  });
  return { core, dispatcher };
}

async function listLocal(workspace: Workspace): Promise<string[]> {
  return (await new IdentityStore(workspace.paths.keys).list().catch(() => [])).map((i) => i.name);
}
