import { AppError } from '../../../shared/errors.js';
import type { Writable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';
import type { EventType, LedgerEvent } from './ledger-event.js';

/** Writes the rows one event explains. Must depend only on the event and the rows earlier events wrote. */
export type Projection = (tx: Writable, event: LedgerEvent) => Promise<void>;
export type ProjectionTable = Partial<Record<EventType, Projection>>;

/**
 * Every projection by event type: the live append runs it in the event's transaction, and `audit verify`
 * replays all of them to rebuild the tables and compare.
 */
export class Projector {
  private readonly projections = new Map<EventType, Projection>();

  register(table: ProjectionTable): void {
    for (const [type, projection] of Object.entries(table) as [EventType, Projection][]) {
      if (this.projections.has(type)) throw new Error(`Two projections for ${type}`);
      this.projections.set(type, projection);
    }
  }

  async apply(tx: Writable, event: LedgerEvent): Promise<void> {
    const projection = this.projections.get(event.type);
    if (!projection) throw new AppError('INTEGRITY', 'error.audit.unknownType', { type: String(event.type).slice(0, 80), id: event.id });
    await projection(tx, event);
  }

  /**
   * Apply an event merged from other workstations (or replayed by `audit verify`): one that cannot be applied
   * here (its thread or component unknown, say) is noted as a conflict instead of failing the whole merge.
   * Projections read what they need before they write, so a failed one has written nothing.
   */
  async applyOrNote(tx: Writable, event: LedgerEvent): Promise<void> {
    try {
      await this.apply(tx, event);
    } catch (error) {
      const detail = error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
      await noteConflict(tx, event, 'not-applied', event.type, detail.slice(0, 500));
    }
  }
}

/** A conflict note, written as part of the projections (so every workstation writes the same one). */
export async function noteConflict(tx: Writable, event: LedgerEvent, kind: 'concurrent' | 'not-applied', subject: string, detail: string): Promise<void> {
  await tx.run(sql`INSERT OR REPLACE INTO ledger_conflicts (event_id, kind, subject, detail, actor, at) VALUES (${event.id}, ${kind}, ${subject}, ${detail}, ${event.actor}, ${event.at})`);
}

/**
 * The tables projections write, in the order their rows can be deleted without breaking a foreign key:
 * cleared and rebuilt by `audit verify`. Surrogate ids are not compared.
 */
export const PROJECTION_TABLES: ReadonlyArray<{ table: string; ignore?: readonly string[] }> = [
  { table: 'ledger_conflicts' },
  { table: 'comment_edits', ignore: ['id'] },
  { table: 'comments' },
  { table: 'threads' },
  { table: 'finding_history', ignore: ['id'] },
  { table: 'finding_anchors' },
  { table: 'risk_acceptances' },
  { table: 'findings' },
  { table: 'review_marks', ignore: ['id'] },
  { table: 'review_criteria' },
  { table: 'alarm_acknowledgements', ignore: ['id'] },
  { table: 'signoffs' },
  { table: 'policies' },
  { table: 'people' },
];
