import type { AuditReport } from '../../../shared/contract/trust.js';
import type { Writable } from '../../db/connection.js';
import { rawSql, sql } from '../../db/sql.js';
import { countEvents, signedEventsInLedgerOrder, unsignedEventRows } from '../events/event-rows.js';
import { eventOfRow, eventText, type EventRow, type LedgerEvent } from '../events/ledger-event.js';
import { PROJECTION_TABLES, type Projector } from '../events/projector.js';
import { replayEvents } from '../events/replay.js';
import type { Workspace } from '../workspace/workspace.js';
import { AuditSignatures } from './audit-signatures.js';
import { EventChecker, type HeldEvent } from './event-checker.js';
import { LiveProjections } from './projection-compare.js';

type Problem = AuditReport['problems'][number];
type Progress = (completed: number, total: number, phase: string) => void;

class Rollback extends Error {}

/**
 * `audit verify`: every event's hash, its place in its actor's chain, its signature by a key the roster held
 * at that point with a role that may sign it; then every projection table rebuilt from the events and
 * compared with the live one, row by row. Nothing is changed: the rebuild is rolled back.
 *
 * The events are read a chunk at a time in ledger order; each chunk is checked and replayed while SQLite
 * reads the next, and signatures are checked on worker threads from the first chunk on. Only one or two
 * chunks are held at a time, whatever the size of the ledger.
 */
export class AuditService {
  constructor(
    private readonly workspace: Workspace,
    private readonly projector: Projector,
    /** Events read, checked and replayed at a time (tests make it small to cross many chunk edges). */
    private readonly chunkSize = 10_000,
  ) {}

  async verify(progress: Progress = () => undefined, signal?: AbortSignal): Promise<AuditReport> {
    const started = performance.now();
    const problems: Problem[] = [];
    let report: { events: number; people: number; trustRoot: string | null } = { events: 0, people: 0, trustRoot: null };
    await this.workspace.db
      .transaction(async (tx) => {
        const signatures = new AuditSignatures();
        try {
          const counts = await countEvents(tx);
          const signed = counts.signed;
          if (counts.all > signed) for (const row of await unsignedEventRows(tx)) problems.push(unsignedProblem(row));
          for (const person of await tx.all<{ keyid: string; public_key: string }>(sql`SELECT keyid, public_key FROM people`)) signatures.learnKey(person.keyid, person.public_key);
          // Read from the start: each chunk's signatures go to the workers as it arrives, while SQLite keeps
          // the live tables aside and clears them.
          const early = (rows: EventRow[]) =>
            rows.map((row) => {
              const held = heldOf(row);
              signatures.early(held, held.text!);
              return held;
            });
          const chunks = signedEventsInLedgerOrder(tx, early, this.chunkSize);
          const live = await LiveProjections.keep(tx);
          const checker = new EventChecker((h, kind, detail) => problems.push({ kind, event: h.event.id, table: null, detail }), {
            chainFromFailed: true,
            signature: (h, bytes, key, signature, signer) => signatures.awaitVerdict(h, bytes, key, signature, signer),
          });
          // Events that fail a check explain nothing: they are not replayed (few, so their ids are kept).
          const rejected = new Set<string>();
          await this.replay(tx, signed, progress, signal, chunks, (held) => {
            const good: LedgerEvent[] = [];
            for (const entry of held) {
              if (checker.check(entry)) good.push(entry.event);
              else rejected.add(entry.event.id);
            }
            return good;
          });
          report = { events: counts.all, people: checker.people, trustRoot: checker.trustRoot };
          const forged = await signatures.failures((done, total) => progress(done, total, 'signatures'), signal);
          for (const { event, detail } of forged) problems.push({ kind: 'signature', event: event.id, table: null, detail: `${event.type} by ${event.actor} (#${event.seq}): ${detail}` });
          if (forged.length > 0) {
            // Rebuilt again without the events whose signature failed: they explain nothing.
            for (const { event } of forged) rejected.add(event.id);
            const again = signedEventsInLedgerOrder(tx, (rows) => rows.filter((row) => !rejected.has(row.id)).map((row) => eventOfRow(row)!), this.chunkSize);
            await this.replay(tx, signed, progress, signal, again, (events) => events);
          }
          await live.compare(tx, problems);
        } finally {
          await signatures.close();
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return { ok: problems.length === 0, ...report, problems: problems.slice(0, 1000), seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Clear the projection tables and replay what `select` keeps of each chunk, in ledger order: a chunk's
   * replay runs in SQLite while the next chunk is read and selected here.
   */
  private async replay<T extends unknown[]>(tx: Writable, total: number, progress: Progress, signal: AbortSignal | undefined, chunks: AsyncIterable<T>, select: (chunk: T) => LedgerEvent[]): Promise<void> {
    for (const { table } of PROJECTION_TABLES) await tx.run(rawSql(`DELETE FROM ${table}`));
    progress(0, total, 'projections');
    let read = 0;
    let replaying: Promise<void> = Promise.resolve();
    for await (const chunk of chunks) {
      signal?.throwIfAborted();
      const events = select(chunk);
      const before = read;
      read += chunk.length;
      await replaying;
      replaying = replayEvents(tx, this.projector, events, (done) => {
        progress(Math.min(total, before + Math.round((done / Math.max(1, events.length)) * chunk.length)), total, 'projections');
        signal?.throwIfAborted();
      });
      // Awaited with the next chunk (or after the last); until then a failure must not go unhandled.
      replaying.catch(() => undefined);
    }
    await replaying;
  }
}

function heldOf(row: EventRow): HeldEvent {
  // A payload that is not a JSON object (edited behind the app's back) is checked as the text it is: its
  // hash and signature fail, so it is named and never replayed.
  let event: LedgerEvent;
  try {
    event = eventOfRow(row)!;
    if (typeof event.payload !== 'object' || event.payload === null || Array.isArray(event.payload)) throw new TypeError('not an object');
  } catch {
    event = eventOfRow({ ...row, payload: '{}' })!;
  }
  return { event, payloadText: row.payload, hash: row.hash, signature: row.signature, text: eventText(event, row.payload) };
}

function unsignedProblem(row: EventRow): Problem {
  return { kind: 'unsigned', event: row.id, table: null, detail: `${row.type} by ${row.actor} at ${row.at} carries no signature` };
}
