import type { Writable } from '../../db/connection.js';
import { rawSql, sql } from '../../db/sql.js';
import { readEventRows } from '../events/event-rows.js';
import { eventOfRow } from '../events/ledger-event.js';
import { PROJECTION_TABLES, type Projector } from '../events/projector.js';
import { isGenesis } from '../events/ledger.js';
import { replayEvents } from '../events/replay.js';
import { verifyEd25519 } from '../trust/ed25519.js';
import { checkEvents, ledgerOrder, type HeldEvent } from '../trust/event-checker.js';
import { eventFileText } from './event-file.js';
import { AppError } from '../../../shared/errors.js';

export interface Quarantined {
  keyid: string;
  seq: number;
  hash: string;
  eventId: string | null;
  reason: string;
  detail: string;
  content: string;
}

export interface MergeOutcome {
  received: number;
  applied: number;
  duplicates: number;
  quarantined: Quarantined[];
  /** Whether every projection was rebuilt (events arrived that sort before ones already applied). */
  rebuilt: boolean;
  conflicts: number;
}

/**
 * Merge events from other workstations into this workspace, in one transaction: the union of events, each
 * actor's chain intact, projections derived in the one ledger order (Lamport clock, key id, sequence), so
 * every workstation holding the same events holds the same tables. What fails its checks (hash, chain,
 * signature, a signer the roster did not hold at that point) is not applied but returned for quarantine.
 */
export async function mergeEvents(
  tx: Writable,
  projector: Projector,
  incoming: readonly HeldEvent[],
  failures: readonly Quarantined[],
  /** Events applied to the tables so far, of how many (all of them when the tables are rebuilt). */
  onApplied: (done: number, total: number) => void = () => undefined,
): Promise<MergeOutcome> {
  const rows = await readEventRows(tx);
  const local: HeldEvent[] = [];
  const held = new Map<string, string | null>();
  for (const row of rows) {
    const event = eventOfRow(row);
    if (!event) continue;
    local.push({ event, payloadText: row.payload, hash: row.hash, signature: row.signature });
    held.set(`${event.keyid}/${event.seq}`, row.hash);
  }
  const quarantined = [...failures];
  const candidates: HeldEvent[] = [];
  let duplicates = 0;
  const localRoot = local.find((h) => h.event.seq === 1 && isGenesis(h.event.actor, h.event.keyid, h.event.type, h.event.payload));
  for (const h of incoming) {
    const place = `${h.event.keyid}/${h.event.seq}`;
    if (!held.has(place)) {
      candidates.push(h);
      continue;
    }
    if (held.get(place) === h.hash) duplicates++;
    else quarantined.push(quarantine(h, 'differs', 'another event with this signer and sequence is already held: the chain was forked or the event altered'));
  }
  // Another workspace's ledger is not merged at all: its trust root is another admin.
  const otherRoot = candidates.find((h) => h.event.seq === 1 && isGenesis(h.event.actor, h.event.keyid, h.event.type, h.event.payload) && localRoot && h.event.keyid !== localRoot.event.keyid);
  if (otherRoot) throw new AppError('CONFLICT', 'error.ledger.otherWorkspace', { root: otherRoot.event.keyid.slice(0, 16), ours: localRoot!.event.keyid.slice(0, 16) });

  const isCandidate = new Set(candidates);
  const { good } = checkEvents([...local, ...candidates], (h, kind, detail) => {
    if (isCandidate.has(h)) quarantined.push(quarantine(h, kind, detail));
  }, {
    chainFromFailed: false,
    // Events already held were verified when they came in (and `audit verify` checks them again).
    signature: (h, bytes, key, signature) => (isCandidate.has(h) ? verifyEd25519(key, bytes, signature) : true),
  });
  const accepted = good.filter((h) => isCandidate.has(h));
  for (const h of accepted) {
    const e = h.event;
    await tx.run(sql`INSERT INTO events (id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature)
      VALUES (${e.id}, ${e.type}, ${e.actor}, ${e.at}, ${h.payloadText}, ${e.keyid}, ${e.seq}, ${e.prev}, ${e.lamport}, ${h.hash}, ${h.signature})`);
  }

  const conflictsBefore = (await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ledger_conflicts`))!.n;
  const notApplied = (await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ledger_conflicts WHERE kind = 'not-applied'`))!.n;
  const appliedLocal = good.filter((h) => !isCandidate.has(h));
  const last = appliedLocal.at(-1);
  const inOrder = accepted.every((h) => !last || ledgerOrder(last.event, h.event) < 0);
  // Events that sort after everything applied are applied on top; otherwise (or when earlier events could
  // not be applied and now perhaps can, such as events about a component deposited since) the tables are
  // rebuilt from all events in ledger order.
  const rebuild = (accepted.length > 0 && !inOrder) || notApplied > 0;
  const applying = rebuild ? good : accepted;
  if (rebuild) for (const { table } of PROJECTION_TABLES) await tx.run(rawSql(`DELETE FROM ${table}`));
  // Projections see the payload as parsed from the signed text, exactly as on the signer's machine.
  const ordered = [...applying].sort((a, b) => ledgerOrder(a.event, b.event)).map((h) => ({ ...h.event, payload: JSON.parse(h.payloadText) as Record<string, unknown> }));
  onApplied(0, ordered.length);
  await replayEvents(tx, projector, ordered, (done) => onApplied(done, ordered.length));
  const conflictsAfter = (await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ledger_conflicts`))!.n;
  return { received: incoming.length + failures.length, applied: accepted.length, duplicates, quarantined, rebuilt: rebuild, conflicts: Math.max(0, conflictsAfter - conflictsBefore) };
}

export function quarantine(h: HeldEvent, reason: string, detail: string): Quarantined {
  return { keyid: h.event.keyid, seq: h.event.seq, hash: h.hash ?? '', eventId: h.event.id, reason, detail, content: eventFileText(h) };
}
