import { workbenchEventSchema, type WorkbenchEvent } from '../../../shared/contract/events.js';
import { personForCalls } from '../app/person.js';
import type { InvokeOutcome, Transport } from './transport.js';

function personHeader(): Record<string, string> {
  const person = personForCalls();
  return person ? { 'X-Escrow-Person': encodeURIComponent(person) } : {};
}

/** Web mode: same-origin POSTs carrying the session cookie, and one EventSource for pushed events. */
export class HttpTransport implements Transport {
  readonly kind = 'http' as const;
  private source: EventSource | null = null;
  private readonly listeners = new Set<(event: WorkbenchEvent) => void>();

  async invoke(method: string, input: unknown): Promise<InvokeOutcome> {
    const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...personHeader() },
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'The session has ended; open the URL printed by serve.', details: { messageKey: 'error.session.ended', params: {} } } };
    }
    return (await response.json()) as InvokeOutcome;
  }

  subscribe(listener: (event: WorkbenchEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.source) {
      this.source = new EventSource('/api/events');
      this.source.onmessage = (message: MessageEvent<string>) => {
        const parsed = workbenchEventSchema.safeParse(JSON.parse(message.data));
        if (parsed.success) for (const l of this.listeners) l(parsed.data);
      };
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.source?.close();
        this.source = null;
      }
    };
  }
}
