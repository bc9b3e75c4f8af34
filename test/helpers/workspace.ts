import path from 'node:path';
import { Dispatcher } from '../../electron/api/dispatcher.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { createCoreServices, type CoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { tempDir } from './temp.js';

export interface TestWorkspace {
  root: string;
  workspace: Workspace;
  core: CoreServices;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** A new workspace in a temp folder with the core and dispatcher wired as the faces wire them. */
export async function createTestWorkspace(): Promise<TestWorkspace> {
  const root = path.join(await tempDir('ew-ws-'), 'workspace');
  const workspace = await Workspace.create(root, 'cli');
  const core = createCoreServices(workspace);
  const dispatcher = new Dispatcher({ handlers: createHandlers(core), defaultActor: core.actor, events: workspace.events, writable: true, validateOutput: true });
  return { root, workspace, core, dispatcher, close: () => workspace.close() };
}

/** Call a method through the dispatcher and return the result, failing the test on an error outcome. */
export async function call(dispatcher: Dispatcher, method: string, input: unknown, actor?: string): Promise<never> {
  const outcome = await dispatcher.invoke(method, input, { actor });
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as never;
}
