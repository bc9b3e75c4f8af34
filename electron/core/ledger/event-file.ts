import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import { EVENT_TYPES } from '../../../shared/domain/events.js';
import { eventText, type EventType, type LedgerEvent } from '../events/ledger-event.js';
import type { HeldEvent } from '../trust/event-checker.js';

/**
 * One signed event as a file of the ledger repository, `events/<keyid>/<seq>.json`: canonical JSON of
 * `{event, hash, signature}`, where `event` is exactly the text that was signed. The same event is the same
 * bytes (the same blob) on every workstation, so git moves each event once and a changed one shows.
 */
export function eventFilePath(keyid: string, seq: number): string {
  return `events/${keyid}/${seq}.json`;
}

export function eventFileText(held: HeldEvent): string {
  return `{"event":${eventText(held.event, held.payloadText)},"hash":${JSON.stringify(held.hash)},"signature":${JSON.stringify(held.signature)}}\n`;
}

const FILE_PATH = /^events\/([0-9a-f]{64})\/([1-9][0-9]{0,15})\.json$/;
const HEX64 = /^[0-9a-f]{64}$/;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

export class EventFileError extends Error {}

/** Where a ledger path says an event belongs, or null for a path that is not an event file. */
export function parseEventPath(path: string): { keyid: string; seq: number } | null {
  const match = FILE_PATH.exec(path);
  return match ? { keyid: match[1]!, seq: Number(match[2]) } : null;
}

/**
 * An event file read back, its shape checked and its place (key id, sequence) matching its path. Whether
 * it is genuine (hash, chain, signature, roster) is for the checker; this only refuses what is not an event.
 */
export function parseEventFile(path: string, text: string): HeldEvent {
  const place = parseEventPath(path);
  if (!place) throw new EventFileError(`${path} is not an event file name`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EventFileError('not JSON');
  }
  const file = record(parsed, 'the file');
  const event = record(file['event'], 'event');
  const payload = record(event['payload'], 'payload');
  const string = (value: unknown, name: string) => {
    if (typeof value !== 'string' || value.length > 4096) throw new EventFileError(`${name} is not a string`);
    return value;
  };
  const integer = (value: unknown, name: string) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new EventFileError(`${name} is not a positive integer`);
    return value;
  };
  const type = string(event['type'], 'type');
  if (!(EVENT_TYPES as readonly string[]).includes(type)) throw new EventFileError(`unknown event type ${type.slice(0, 60)}`);
  if (event['v'] !== 1) throw new EventFileError('unknown event version');
  const prev = event['prev'] === null ? null : string(event['prev'], 'prev');
  const hash = string(file['hash'], 'hash');
  const signature = string(file['signature'], 'signature');
  if (!HEX64.test(hash) || (prev !== null && !HEX64.test(prev))) throw new EventFileError('a hash is not 64 hex digits');
  if (!BASE64_SIGNATURE.test(signature)) throw new EventFileError('the signature is not 64 bytes of base64');
  const ledgerEvent: LedgerEvent = {
    v: 1,
    id: string(event['id'], 'id'),
    type: type as EventType,
    actor: string(event['actor'], 'actor'),
    keyid: string(event['keyid'], 'keyid'),
    seq: integer(event['seq'], 'seq'),
    prev,
    lamport: integer(event['lamport'], 'lamport'),
    at: string(event['at'], 'at'),
    payload,
  };
  if (ledgerEvent.keyid !== place.keyid || ledgerEvent.seq !== place.seq) throw new EventFileError(`the event is ${ledgerEvent.keyid.slice(0, 12)}…/${ledgerEvent.seq}, not what its path says`);
  let payloadText: string;
  try {
    payloadText = canonicalJson(payload);
  } catch (error) {
    throw new EventFileError(`the payload has no canonical form: ${(error as Error).message}`);
  }
  return { event: ledgerEvent, payloadText, hash, signature };
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EventFileError(`${name} is not an object`);
  return value as Record<string, unknown>;
}
