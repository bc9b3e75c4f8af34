import type { WorkbenchEvent } from '../../shared/contract/events.js';

export type EventListener = (event: WorkbenchEvent) => void;

/** Progress and change notices of this process, fanned out to every connected face. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: WorkbenchEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken face must not stop the others from hearing about progress.
      }
    }
  }
}
