import { hash } from 'node:crypto';
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
 * canonical(event) as text (its UTF-8 is what is signed). The members are written in RFC 8785 order (actor, at, id, keyid, lamport,
 * payload, prev, seq, type, v) so a payload already in canonical form is used as it is, not redone.
 * `audit verify` writes this for every event it checks, so the members are written directly.
 */
export function eventText(event: LedgerEvent, payloadText = canonicalJson(event.payload)): string {
  return `{"actor":${member(event.actor)},"at":${member(event.at)},"id":${member(event.id)},"keyid":${member(event.keyid)},"lamport":${member(event.lamport)},"payload":${payloadText},"prev":${member(event.prev)},"seq":${member(event.seq)},"type":${member(event.type)},"v":${member(event.v)}}`;
}

/** sha256((prev ?? '') ‖ canonical(event)), lowercase hex. */
export function eventHash(event: LedgerEvent, text = eventText(event)): string {
  return hash('sha256', (event.prev ?? '') + text, 'hex');
}

/**
 * One member value: JSON.stringify writes a string, a finite number or null exactly as RFC 8785 does,
 * except that it escapes a lone surrogate (`\udXXX`) where canonical JSON has no form; only then, or for
 * anything else, the general path decides (and refuses what it must).
 */
function member(value: string | number | null): string {
  const text = JSON.stringify(value);
  return typeof value === 'object' || (typeof value === 'number' ? Number.isFinite(value) : !text.includes('\\ud')) ? text : canonicalJson(value);
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
