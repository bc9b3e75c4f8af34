import type { LedgerEvent } from '../events/ledger-event.js';
import { encodingsAcceptable, verifyingKey, type VerifyingKey } from './ed25519.js';
import type { HeldEvent } from './event-checker.js';
import { keyIdOf } from './keys.js';
import { SignatureWorkers } from './signature-workers.js';

export type SignedEventName = Pick<LedgerEvent, 'id' | 'type' | 'actor' | 'seq'>;

/**
 * The signatures `audit verify` checks on worker threads. An event is sent as soon as it is read, with the
 * key its keyid names: a keyid is the SHA-256 of the raw key, so it names exactly one key, whoever the roster
 * says holds it. The check in ledger order then decides which verdicts count: those of the events that
 * passed every other check (`awaitVerdict`). So the workers are busy from the first chunk read to the end
 * of the replay, instead of waiting for the reading and the ordering.
 */
export class AuditSignatures {
  private readonly workers = new SignatureWorkers();
  private readonly keys = new Map<string, VerifyingKey>();
  private readonly sent = new WeakMap<HeldEvent, { job: number; key: VerifyingKey }>();
  /** What the report needs of each awaited event (not the event itself: audit holds one chunk at a time). */
  private readonly awaited: Array<{ event: SignedEventName; job: number; signer: string }> = [];
  private jobs = 0;

  /** A key the roster names (its table, or a roster event), used only if it is the key of `keyid`. */
  learnKey(keyid: string | null, publicKey: unknown): void {
    if (keyid === null || typeof publicKey !== 'string' || this.keys.has(keyid)) return;
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length !== 32 || keyIdOf(raw) !== keyid) return;
    try {
      this.keys.set(keyid, verifyingKey(raw));
    } catch {
      // Not a point on the curve: the ledger-order check reports the event that adds it.
    }
  }

  /** Send the signature of an event just read, when its key is known already and well formed. */
  early(held: HeldEvent, text: string): void {
    const { event } = held;
    if (event.type === 'roster.person-added') this.learnKey(keyIdOfPayload(event), event.payload['publicKey']);
    // Roster events are checked at once in ledger order: they decide whose later signatures count.
    if (event.type.startsWith('roster.')) return;
    const key = this.keys.get(event.keyid);
    if (!key) return;
    const signature = Buffer.from(held.signature ?? '', 'base64');
    if (encodingsAcceptable(key, signature)) this.send(held, key, text, signature);
  }

  /**
   * The ledger-order check's verdict for an event that passed everything but its signature: false when its
   * encodings already fail, else undefined (the workers answer in `failures()`).
   */
  awaitVerdict(held: HeldEvent, bytes: Buffer, key: VerifyingKey, signature: Buffer, signer: string): false | undefined {
    if (!encodingsAcceptable(key, signature)) return false;
    const sent = this.sent.get(held);
    const job = sent && sent.key.raw.equals(key.raw) ? sent.job : this.send(held, key, bytes, signature);
    const { id, type, actor, seq } = held.event;
    this.awaited.push({ event: { id, type, actor, seq }, job, signer });
    return undefined;
  }

  /** The awaited events whose signature does not verify, once every answer is in. */
  async failures(progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<Array<{ event: SignedEventName; detail: string }>> {
    const failed = new Set(await this.workers.failures(progress, signal));
    return this.awaited.filter(({ job }) => failed.has(job)).map(({ event, signer }) => ({ event, detail: `the signature does not verify with ${signer}'s key` }));
  }

  close(): Promise<void> {
    return this.workers.close();
  }

  private send(held: HeldEvent, key: VerifyingKey, message: Buffer | string, signature: Buffer): number {
    const job = this.jobs++;
    this.workers.add(job, key, message, signature);
    this.sent.set(held, { job, key });
    return job;
  }
}

function keyIdOfPayload(event: LedgerEvent): string | null {
  const publicKey = event.payload['publicKey'];
  return typeof publicKey === 'string' ? keyIdOf(Buffer.from(publicKey, 'base64')) : null;
}
