import { randomUUID } from 'node:crypto';
import type { Writable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';

/** Every kind of event the review writes. The trust issue signs and chains them; their payloads stay as they are. */
export type EventType =
  | 'thread.opened'
  | 'thread.replied'
  | 'comment.edited'
  | 'thread.status-set'
  | 'criterion.defined'
  | 'review.marked'
  | 'finding.added'
  | 'finding.status-set'
  | 'finding.false-positive-proposed'
  | 'risk.requested'
  | 'risk.approved'
  | 'sarif.imported';

export interface RecordedEvent {
  id: string;
  seq: number;
  at: string;
}

/**
 * Append one event inside the caller's transaction, before the projections it explains: the event and its
 * rows commit together or not at all.
 */
export async function appendEvent(tx: Writable, actor: string, type: EventType, payload: unknown, at = new Date().toISOString()): Promise<RecordedEvent> {
  const id = randomUUID();
  const { lastId } = await tx.run(sql`INSERT INTO events (id, type, actor, at, payload) VALUES (${id}, ${type}, ${actor}, ${at}, ${JSON.stringify(payload)})`);
  return { id, seq: lastId, at };
}
