import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/index.js';
import type { ProgressEvent } from '../../shared/contract/events.js';
import { APP_VERSION } from '../core/app-version.js';
import type { CoreServices } from '../core/services.js';

export interface CallContext {
  signal: AbortSignal;
  operationId: string | null;
  progress(event: Omit<ProgressEvent, 'type' | 'operationId' | 'method'>): void;
  cancel(operationId: string): boolean;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The implementation of every method of the contract, over the core services. */
export function createHandlers(core: CoreServices): HandlerTable {
  return {
    'app.info': async () => ({ version: APP_VERSION, workspace: core.workspace.root, face: core.workspace.face }),
    'operation.cancel': async ({ operationId }, context) => ({ cancelled: context.cancel(operationId) }),

    'component.list': async () => ({ components: await core.components.list() }),
    'component.add': async ({ name, source }) => ({ component: await core.components.add(name, source) }),
    'sync.run': async ({ components }, context) => ({
      components: await core.sync.syncComponents(components, {
        signal: context.signal,
        onProgress: (p) => context.progress({ component: p.component, phase: p.phase, completed: p.completed, total: p.total, bytes: p.bytes }),
      }),
    }),

    'release.list': async ({ component }) => core.releases.list(component),
    'tree.list': async ({ component, ref }) => core.trees.list(component, ref),
    'file.read': async ({ component, ref, path }) => core.trees.read(component, ref, path),
  };
}
