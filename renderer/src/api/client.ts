import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import type { WorkbenchEvent } from '../../../shared/contract/events.js';
import type { WireError } from '../../../shared/errors.js';
import { personForCalls } from '../app/person.js';
import { HttpTransport } from './http-transport.js';
import type { Transport } from './transport.js';

/** A failed call: the wire error, kept whole so the UI can localise it. */
export class ApiError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

/** The typed contract client: the only way the renderer talks to the core. */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get transportKind(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const outcome = await this.transport.invoke(method, input);
    if (!outcome.ok) throw new ApiError(outcome.error);
    return outcome.result as MethodOutput<M>;
  }

  subscribe(listener: (event: WorkbenchEvent) => void): () => void {
    return this.transport.subscribe(listener);
  }
}

/** IPC when the Electron preload bridge is present, HTTP otherwise. */
export function createApiClient(): ApiClient {
  const bridge = window.escrowWorkbench;
  if (bridge) {
    return new ApiClient({
      kind: 'ipc',
      invoke: (method, input) => bridge.invoke(method, input, personForCalls() ?? undefined),
      subscribe: (listener) => bridge.onEvent(listener),
    });
  }
  return new ApiClient(new HttpTransport());
}
