import type { WorkbenchEvent } from '../../../shared/contract/events.js';
import type { WireError } from '../../../shared/errors.js';

export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: WireError };

/** How the renderer reaches the core: Electron IPC through the preload bridge, or HTTP in web mode. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(method: string, input: unknown): Promise<InvokeOutcome>;
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
}

/** What electron/preload exposes on window, and nothing more. */
export interface PreloadBridge {
  /** `person`: who the window acts as (see app/person.ts); the core checks it. */
  invoke(method: string, input: unknown, person?: string): Promise<InvokeOutcome>;
  onEvent(listener: (event: WorkbenchEvent) => void): () => void;
}

declare global {
  interface Window {
    escrowWorkbench?: PreloadBridge;
  }
}
