import type { KeyObject } from 'node:crypto';
import type { AuditReport } from '../../../shared/contract/trust.js';
import type { Writable } from '../../db/connection.js';
import { rawSql, sql } from '../../db/sql.js';
import { eventOfRow, type EventRow, type LedgerEvent } from '../events/ledger-event.js';
import { PROJECTION_TABLES, type Projector } from '../events/projector.js';
import { replayEvents } from '../events/replay.js';
import type { Workspace } from '../workspace/workspace.js';
import { checkEvents, type HeldEvent } from './event-checker.js';
import { rawPublicKey } from './keys.js';
import { SignatureWorkers } from './signature-workers.js';

type Problem = AuditReport['problems'][number];


class Rollback extends Error {}

/**
 * `audit verify`: every event's hash, its place in its actor's chain, its signature by a key the roster held
 * at that point with a role that may sign it; then every projection table rebuilt from the events and
 * compared with the live one, row by row. Nothing is changed: the rebuild is rolled back.
 */
export class AuditService {
  constructor(
    private readonly workspace: Workspace,
    private readonly projector: Projector,
  ) {}

  async verify(progress: (completed: number, total: number, phase: string) => void = () => undefined, signal?: AbortSignal): Promise<AuditReport> {
    const started = performance.now();
    const problems: Problem[] = [];
    let report: { events: number; people: number; trustRoot: string | null } = { events: 0, people: 0, trustRoot: null };
    await this.workspace.db
      .transaction(async (tx) => {
        const rows = await tx.all<EventRow>(sql`SELECT * FROM events`);
        const signatures = new SignatureChecks();
        try {
          const { good, people, trustRoot } = checkRows(rows, problems, signatures);
          report = { events: rows.length, people, trustRoot };
          const live = await snapshot(tx);
          // Signatures are checked on worker threads while the projections are replayed here; an event whose
          // signature fails is then left out of a second replay.
          await this.replay(tx, good, progress, signal);
          const forged = await signatures.failures((done, total) => progress(done, total, 'signatures'), signal);
          for (const { event, detail } of forged) problems.push({ kind: 'signature', event: event.id, table: null, detail: `${event.type} by ${event.actor} (#${event.seq}): ${detail}` });
          if (forged.length > 0) {
            const bad = new Set(forged.map((f) => f.event.id));
            await this.replay(tx, good.filter((e) => !bad.has(e.id)), progress, signal);
          }
          compare(live, await snapshot(tx), problems);
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

  private async replay(tx: Writable, events: readonly LedgerEvent[], progress: (completed: number, total: number, phase: string) => void, signal?: AbortSignal): Promise<void> {
    for (const { table } of PROJECTION_TABLES) await tx.run(rawSql(`DELETE FROM ${table}`));
    progress(0, events.length, 'projections');
    await replayEvents(tx, this.projector, events, (done) => {
      progress(done, events.length, 'projections');
      signal?.throwIfAborted();
    });
  }
}

/** The signatures `audit verify` defers, checked on worker threads and matched back to their events. */
class SignatureChecks {
  private readonly workers = new SignatureWorkers();
  private readonly jobs: Array<{ event: LedgerEvent; signer: string }> = [];
  private readonly rawKeys = new WeakMap<KeyObject, string>();

  add(event: LedgerEvent, bytes: Buffer, key: KeyObject, signature: Buffer, signer: string): void {
    let raw = this.rawKeys.get(key);
    if (raw === undefined) {
      raw = rawPublicKey(key).toString('base64');
      this.rawKeys.set(key, raw);
    }
    this.workers.add(this.jobs.length, raw, bytes, signature);
    this.jobs.push({ event, signer });
  }

  async failures(progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<Array<{ event: LedgerEvent; detail: string }>> {
    const failed = await this.workers.failures(progress, signal);
    return failed.map((index) => ({ event: this.jobs[index]!.event, detail: `the signature does not verify with ${this.jobs[index]!.signer}'s key` }));
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}

/** Rows as held events (unsigned rows reported), checked in ledger order; signatures other than roster ones go to the queue. */
function checkRows(rows: EventRow[], problems: Problem[], signatures: SignatureChecks) {
  const held: HeldEvent[] = [];
  for (const row of rows) {
    const event = eventOfRow(row);
    if (event === null) problems.push({ kind: 'unsigned', event: row.id, table: null, detail: `${row.type} by ${row.actor} at ${row.at} carries no signature` });
    else held.push({ event, payloadText: row.payload, hash: row.hash, signature: row.signature });
  }
  const result = checkEvents(held, (h, kind, detail) => problems.push({ kind, event: h.event.id, table: null, detail }), {
    chainFromFailed: true,
    signature(h, bytes, key, signature, signer) {
      signatures.add(h.event, bytes, key, signature, signer);
      return undefined;
    },
  });
  return { good: result.good.map((h) => h.event), people: result.people, trustRoot: result.trustRoot };
}

type Snapshot = Map<string, string[]>;

async function snapshot(tx: Writable): Promise<Snapshot> {
  const tables: Snapshot = new Map();
  for (const { table, ignore = [] } of PROJECTION_TABLES) {
    const rows = await tx.all<Record<string, unknown>>(rawSql(`SELECT * FROM ${table}`));
    tables.set(
      table,
      rows
        .map((row) => {
          for (const column of ignore) delete row[column];
          return JSON.stringify(row);
        })
        .sort(),
    );
  }
  return tables;
}

/** Rows the live tables hold that the events do not explain, and rows the events explain that are missing. */
function compare(live: Snapshot, rebuilt: Snapshot, problems: Problem[]): void {
  for (const [table, liveRows] of live) {
    const expected = new Map<string, number>();
    for (const row of rebuilt.get(table) ?? []) expected.set(row, (expected.get(row) ?? 0) + 1);
    for (const row of liveRows) {
      const n = expected.get(row) ?? 0;
      if (n > 0) expected.set(row, n - 1);
      else problems.push({ kind: 'row-unexplained', event: null, table, detail: row.slice(0, 300) });
    }
    for (const [row, n] of expected) {
      for (let i = 0; i < n; i++) problems.push({ kind: 'row-missing', event: null, table, detail: row.slice(0, 300) });
    }
  }
}
