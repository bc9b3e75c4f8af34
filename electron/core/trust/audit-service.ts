import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { AuditReport } from '../../../shared/contract/trust.js';
import { EVENT_ROLES } from '../../../shared/contract/permissions.js';
import { EVENT_TYPES } from '../../../shared/domain/events.js';
import type { Writable } from '../../db/connection.js';
import { rawSql, sql } from '../../db/sql.js';
import { isGenesis } from '../events/ledger.js';
import { eventBytes, eventHash, eventOfRow, type EventRow, type LedgerEvent } from '../events/ledger-event.js';
import { PROJECTION_TABLES, type Projector } from '../events/projector.js';
import type { Workspace } from '../workspace/workspace.js';
import { keyIdOf, publicKeyFromBase64 } from './keys.js';

type Problem = AuditReport['problems'][number];

interface RosterEntry {
  name: string;
  key: KeyObject;
  roles: string[];
  revoked: boolean;
}


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
        const signatures = new SignatureQueue();
        const { good, roster, trustRoot } = checkEvents(rows, problems, signatures);
        report = { events: rows.length, people: roster.size, trustRoot };
        const live = await snapshot(tx);
        // Signatures are checked on two threads while the projections are replayed here; an event whose
        // signature fails is then left out of a second replay.
        await this.replay(tx, good, problems, progress, signal);
        const forged = await signatures.failures(signal, (n) => progress(n, good.length, 'signatures'));
        for (const { event, detail } of forged) problems.push({ kind: 'signature', event: event.id, table: null, detail: `${event.type} by ${event.actor} (#${event.seq}): ${detail}` });
        if (forged.length > 0) {
          const bad = new Set(forged.map((f) => f.event.id));
          await this.replay(tx, good.filter((e) => !bad.has(e.id)), [], progress, signal);
        }
        compare(live, await snapshot(tx), problems);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return { ok: problems.length === 0, ...report, problems: problems.slice(0, 1000), seconds: (performance.now() - started) / 1000 };
  }

  private async replay(tx: Writable, events: readonly LedgerEvent[], problems: Problem[], progress: (completed: number, total: number, phase: string) => void, signal?: AbortSignal): Promise<void> {
    for (const { table } of PROJECTION_TABLES) await tx.run(rawSql(`DELETE FROM ${table}`));
    for (const [i, event] of events.entries()) {
      if (i % 1000 === 0) {
        progress(i, events.length, 'projections');
        signal?.throwIfAborted();
      }
      try {
        await this.projector.apply(tx, event);
      } catch (error) {
        problems.push({ kind: 'projection-failed', event: event.id, table: null, detail: `${event.type}: ${(error as Error).message}` });
      }
    }
  }
}

/**
 * Ed25519 checks on libuv's thread pool, at most two at a time: the database's queries share that pool and
 * must not wait behind thousands of signatures.
 */
class SignatureQueue {
  private readonly waiting: Array<{ event: LedgerEvent; bytes: Buffer; key: KeyObject; signature: Buffer; name: string }> = [];
  private readonly failed: Array<{ event: LedgerEvent; detail: string }> = [];
  private running = 0;
  private done = 0;
  private idle: (() => void) | null = null;

  add(event: LedgerEvent, bytes: Buffer, key: KeyObject, signature: Buffer, name: string): void {
    this.waiting.push({ event, bytes, key, signature, name });
    this.pump();
  }

  async failures(signal: AbortSignal | undefined, progress: (n: number) => void): Promise<Array<{ event: LedgerEvent; detail: string }>> {
    while (this.running > 0 || this.waiting.length > 0) {
      signal?.throwIfAborted();
      progress(this.done);
      await new Promise<void>((resolve) => (this.idle = resolve));
    }
    return this.failed;
  }

  private pump(): void {
    while (this.running < 2 && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      const finish = (ok: boolean) => {
        if (!ok) this.failed.push({ event: job.event, detail: `the signature does not verify with ${job.name}'s key` });
        this.running--;
        this.done++;
        this.pump();
        if (this.done % 1000 === 0 || (this.running === 0 && this.waiting.length === 0)) {
          const wake = this.idle;
          this.idle = null;
          wake?.();
        }
      };
      try {
        verifySignature(null, job.bytes, job.key, job.signature, (error, ok) => finish(!error && ok));
      } catch {
        finish(false);
      }
    }
  }
}

/** Check the events in ledger order (Lamport clock, then key id, then the actor's sequence). */
function checkEvents(rows: EventRow[], problems: Problem[], signatures: SignatureQueue) {
  const events: Array<{ event: LedgerEvent; row: EventRow }> = [];
  for (const row of rows) {
    const event = eventOfRow(row);
    if (event === null) problems.push({ kind: 'unsigned', event: row.id, table: null, detail: `${row.type} by ${row.actor} at ${row.at} carries no signature` });
    else events.push({ event, row });
  }
  events.sort((a, b) => a.event.lamport - b.event.lamport || (a.event.keyid < b.event.keyid ? -1 : a.event.keyid > b.event.keyid ? 1 : 0) || a.event.seq - b.event.seq);

  const roster = new Map<string, RosterEntry>();
  const chains = new Map<string, { seq: number; hash: string }>();
  const good: LedgerEvent[] = [];
  let trustRoot: string | null = null;
  for (const { event, row } of events) {
    const fail = (kind: string, detail: string) => problems.push({ kind, event: event.id, table: null, detail: `${event.type} by ${event.actor} (#${event.seq}): ${detail}` });
    if (!(EVENT_TYPES as readonly string[]).includes(event.type)) {
      fail('unknown-type', `unknown event type`);
      continue;
    }
    // The stored payload text is what was signed: it is used as it is, so even a re-spacing is caught.
    const bytes = eventBytes(event, row.payload);
    if (eventHash(event, bytes) !== row.hash) fail('hash', `stored hash ${String(row.hash).slice(0, 12)}… is not the hash of the event`);
    const chain = chains.get(event.keyid);
    if (event.seq !== (chain?.seq ?? 0) + 1) fail('chain', `sequence ${event.seq} follows ${chain?.seq ?? 0}: an event of this actor is missing or out of order`);
    else if (event.prev !== (chain?.hash ?? null)) fail('chain', `does not link to the actor's previous event`);
    chains.set(event.keyid, { seq: event.seq, hash: row.hash ?? '' });
    let signer = roster.get(event.keyid);
    if (roster.size === 0 && trustRoot === null) {
      if (!isGenesis(event.actor, event.keyid, event.type, event.payload)) {
        fail('genesis', 'the first event must be an admin adding themself to the roster');
        continue;
      }
      trustRoot = event.keyid;
      signer = { name: event.actor, key: publicKeyFromBase64(event.payload['publicKey'] as string), roles: ['admin'], revoked: false };
    } else if (!signer) {
      fail('unknown-key', `key ${event.keyid.slice(0, 16)}… is not in the roster at this point`);
      continue;
    } else if (signer.revoked) {
      fail('revoked', `${signer.name} was revoked before signing this`);
      continue;
    } else if (signer.name !== event.actor) {
      fail('actor', `signed by ${signer.name}'s key but names ${event.actor}`);
      continue;
    } else if (!EVENT_ROLES[event.type].some((r) => signer!.roles.includes(r))) {
      fail('role', `${signer.name} held ${signer.roles.join(', ') || 'no role'}, not ${EVENT_ROLES[event.type].join(' or ')}`);
      continue;
    }
    const key = signer.key;
    const signature = Buffer.from(row.signature ?? '', 'base64');
    const name = signer.name;
    if (event.type.startsWith('roster.')) {
      // Roster events decide whose later signatures count: checked before they change the roster.
      if (!safeVerify(bytes, key, signature)) {
        fail('signature', `the signature does not verify with ${name}'s key`);
        continue;
      }
    } else {
      signatures.add(event, bytes, key, signature, name);
    }
    applyRoster(roster, event);
    good.push(event);
  }
  return { good, roster, trustRoot };
}

function safeVerify(bytes: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verifySignature(null, bytes, key, signature);
  } catch {
    return false;
  }
}

function applyRoster(roster: Map<string, RosterEntry>, event: LedgerEvent): void {
  const name = event.payload['name'] as string;
  if (event.type === 'roster.person-added') {
    const publicKey = event.payload['publicKey'] as string;
    roster.set(keyIdOf(Buffer.from(publicKey, 'base64')), { name, key: publicKeyFromBase64(publicKey), roles: event.payload['roles'] as string[], revoked: false });
  }
  const entry = [...roster.values()].find((p) => p.name === name);
  if (entry && event.type === 'roster.roles-set') entry.roles = event.payload['roles'] as string[];
  if (entry && event.type === 'roster.person-revoked') entry.revoked = true;
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
