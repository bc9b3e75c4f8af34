import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { Writable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';
import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import { EVENT_ROLES } from '../../../shared/contract/permissions.js';
import { keyIdOf } from '../trust/keys.js';
import type { Keyring } from '../trust/keyring.js';
import { signBytes } from '../trust/keys.js';
import { eventHash, eventText, type EventType, type LedgerEvent } from './ledger-event.js';
import type { Projector } from './projector.js';

export interface RecordedEvent {
  id: string;
  at: string;
  event: LedgerEvent;
}

interface PersonRow {
  name: string;
  keyid: string;
  roles: string;
  revoked_at: string | null;
}

/**
 * The one way anything is recorded: an event signed by its actor, chained to the actor's previous event,
 * and its projection rows, all in the caller's transaction — they commit together or not at all.
 */
export class Ledger {
  constructor(
    private readonly keyring: Keyring,
    private readonly projector: Projector,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(tx: Writable, actor: string, type: EventType, payload: Record<string, unknown>): Promise<RecordedEvent> {
    const signer = await this.keyring.signer(actor);
    const person = await tx.get<PersonRow>(sql`SELECT name, keyid, roles, revoked_at FROM people WHERE name = ${actor}`);
    if (!person) {
      const anyone = await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM people`);
      if (anyone!.n > 0 || !isGenesis(actor, signer.keyid, type, payload)) throw new AppError('FORBIDDEN', 'error.roster.notInRoster', { name: actor }, { person: actor });
    } else {
      if (person.revoked_at !== null) throw new AppError('FORBIDDEN', 'error.roster.revoked', { name: actor }, { person: actor });
      if (person.keyid !== signer.keyid) throw new AppError('INTEGRITY', 'error.roster.keyMismatch', { name: actor });
      const roles = JSON.parse(person.roles) as string[];
      const needed = EVENT_ROLES[type];
      if (!needed.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', 'error.permission.role', { name: actor, roles: needed.join(', ') }, { person: actor, needed });
    }
    const last = await tx.get<{ actor_seq: number; hash: string }>(sql`SELECT actor_seq, hash FROM events WHERE keyid = ${signer.keyid} ORDER BY actor_seq DESC LIMIT 1`);
    const clock = await tx.get<{ lamport: number | null }>(sql`SELECT MAX(lamport) AS lamport FROM events`);
    const event: LedgerEvent = {
      v: 1,
      id: randomUUID(),
      type,
      actor,
      keyid: signer.keyid,
      seq: (last?.actor_seq ?? 0) + 1,
      prev: last?.hash ?? null,
      lamport: (clock?.lamport ?? 0) + 1,
      at: this.now().toISOString(),
      payload,
    };
    const payloadText = canonicalPayload(payload);
    const text = eventText(event, payloadText);
    const bytes = Buffer.from(text, 'utf8');
    const hash = eventHash(event, text);
    const signature = signBytes(signer.privateKey, bytes);
    await tx.run(sql`INSERT INTO events (id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature)
      VALUES (${event.id}, ${type}, ${actor}, ${event.at}, ${payloadText}, ${event.keyid}, ${event.seq}, ${event.prev}, ${event.lamport}, ${hash}, ${signature})`);
    // Projections see the payload exactly as a replay will (canonical key order), never the caller's object.
    await this.projector.apply(tx, { ...event, payload: JSON.parse(payloadText) as Record<string, unknown> });
    return { id: event.id, at: event.at, event };
  }
}

/** The first roster event: a person adding themself as admin with the key that signs it. */
export function isGenesis(actor: string, keyid: string, type: EventType, payload: Record<string, unknown>): boolean {
  if (type !== 'roster.person-added' || payload['name'] !== actor) return false;
  const roles = payload['roles'];
  if (!Array.isArray(roles) || !roles.includes('admin') || typeof payload['publicKey'] !== 'string') return false;
  return keyIdOf(Buffer.from(payload['publicKey'], 'base64')) === keyid;
}

/** The payload's canonical text; what cannot be written canonically (a lone surrogate, a non-finite number) is refused. */
function canonicalPayload(payload: Record<string, unknown>): string {
  try {
    return canonicalJson(payload);
  } catch (error) {
    throw new AppError('INVALID_INPUT', 'error.event.notText', { reason: (error as Error).message });
  }
}
