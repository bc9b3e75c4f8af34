import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import type { EventType } from '../../../shared/domain/events.js';

export type { EventType } from '../../../shared/domain/events.js';

/**
 * One signed event (DESIGN.md "Storage"): `seq` and `prev` chain it to its actor's previous event, `lamport`
 * orders it among everybody's events. The signature is Ed25519 over canonical(event); the hash is
 * sha256((prev ?? '') ‖ canonical(event)).
 */
export interface LedgerEvent {
  v: 1;
  id: string;
  type: EventType;
  actor: string;
  keyid: string;
  seq: number;
  prev: string | null;
  lamport: number;
  at: string;
  payload: Record<string, unknown>;
}

export interface SignedEvent {
  event: LedgerEvent;
  hash: string;
  signature: string;
}

/**
 * canonical(event) as bytes. The members are written in RFC 8785 order (actor, at, id, keyid, lamport,
 * payload, prev, seq, type, v) so a payload already in canonical form is used as it is, not redone.
 */
export function eventBytes(event: LedgerEvent, payloadText = canonicalJson(event.payload)): Buffer {
  const c = canonicalJson;
  return Buffer.from(
    `{"actor":${c(event.actor)},"at":${c(event.at)},"id":${c(event.id)},"keyid":${c(event.keyid)},"lamport":${c(event.lamport)},"payload":${payloadText},"prev":${c(event.prev)},"seq":${c(event.seq)},"type":${c(event.type)},"v":${c(event.v)}}`,
    'utf8',
  );
}

export function eventHash(event: LedgerEvent, bytes = eventBytes(event)): string {
  return createHash('sha256')
    .update(event.prev ?? '', 'utf8')
    .update(bytes)
    .digest('hex');
}

/** An `events` row as stored. */
export interface EventRow {
  seq: number;
  id: string;
  type: string;
  actor: string;
  at: string;
  payload: string;
  keyid: string | null;
  actor_seq: number | null;
  prev_hash: string | null;
  lamport: number | null;
  hash: string | null;
  signature: string | null;
}

/** The event a row claims to hold; `null` for events written before signatures. */
export function eventOfRow(row: EventRow): LedgerEvent | null {
  if (row.keyid === null || row.actor_seq === null || row.lamport === null) return null;
  return {
    v: 1,
    id: row.id,
    type: row.type as EventType,
    actor: row.actor,
    keyid: row.keyid,
    seq: row.actor_seq,
    prev: row.prev_hash,
    lamport: row.lamport,
    at: row.at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
