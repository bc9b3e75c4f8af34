// @ts-check
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.mjs';
import { verifyEd25519 } from './dsse.mjs';
import { isHex64, isNonEmptyString, isPositiveInteger, isRecord, parseIsoDate } from './shape.mjs';

/**
 * @typedef {object} LedgerEvent
 * @property {1} v
 * @property {string} id
 * @property {string} type
 * @property {string} actor
 * @property {string} keyid
 * @property {number} seq the actor's own event counter, from 1
 * @property {string | null} prev hash of the actor's previous event
 * @property {number} lamport
 * @property {string} at
 * @property {Record<string, unknown>} payload
 */

/**
 * @typedef {object} SignedEvent
 * @property {LedgerEvent} event
 * @property {string} hash
 * @property {string} signature
 */

/**
 * A ledger event as a manifest carries it, or a sentence saying what is wrong with its shape.
 * @param {unknown} value
 * @returns {{ signed: SignedEvent } | { problem: string }}
 */
export function readSignedEvent(value) {
  if (!isRecord(value)) return { problem: 'is not a JSON object' };
  const { event, hash, signature } = value;
  if (!isRecord(event)) return { problem: 'has no event object' };
  if (!isHex64(hash)) return { problem: 'has no hash (64 lowercase hex digits)' };
  if (typeof signature !== 'string') return { problem: 'has no signature' };
  if (event.v !== 1) return { problem: 'is not a version 1 event' };
  if (!isNonEmptyString(event.id)) return { problem: 'has no id' };
  if (!isNonEmptyString(event.type)) return { problem: 'has no type' };
  if (!isNonEmptyString(event.actor)) return { problem: 'has no actor' };
  if (!isHex64(event.keyid)) return { problem: 'has no keyid (64 lowercase hex digits)' };
  if (!isPositiveInteger(event.seq)) return { problem: 'has no seq (a whole number from 1)' };
  if (event.prev !== null && !isHex64(event.prev)) return { problem: 'has a prev that is neither null nor a hash' };
  if ((event.seq === 1) !== (event.prev === null)) return { problem: `has seq ${event.seq} with prev ${event.prev === null ? 'null' : 'set'} (only an actor's first event has no prev)` };
  if (!isPositiveInteger(event.lamport)) return { problem: 'has no lamport clock (a whole number from 1)' };
  if (!parseIsoDate(event.at)) return { problem: 'has no ISO-8601 time in at' };
  if (!isRecord(event.payload)) return { problem: 'has no payload object' };
  return { signed: { event: /** @type {LedgerEvent} */ (event), hash, signature } };
}

/**
 * What is wrong with a signed event's hash or signature, or null when both hold: hash = hex SHA-256 of
 * (prev ?? "") + canonical(event), signature = Ed25519 over the UTF-8 bytes of canonical(event).
 * @param {SignedEvent} signed
 * @param {import('node:crypto').KeyObject} publicKey the key of the event's keyid
 * @returns {string | null}
 */
export function signedEventProblem(signed, publicKey) {
  let canonical;
  try {
    canonical = canonicalJson(signed.event);
  } catch (error) {
    return `cannot be canonicalised: ${error instanceof Error ? error.message : String(error)}`;
  }
  const bytes = Buffer.from(canonical, 'utf8');
  const hash = createHash('sha256')
    .update(signed.event.prev ?? '', 'utf8')
    .update(bytes)
    .digest('hex');
  if (!verifyEd25519(publicKey, bytes, signed.signature)) return `has a signature that does not verify with key ${signed.event.keyid.slice(0, 16)}…`;
  if (hash !== signed.hash) return 'has a hash that does not match its content';
  return null;
}
