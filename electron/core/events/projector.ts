import { AppError } from '../../../shared/errors.js';
import type { Writable } from '../../db/connection.js';
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
}

/**
 * The tables projections write, in the order their rows can be deleted without breaking a foreign key:
 * cleared and rebuilt by `audit verify`. Surrogate ids are not compared.
 */
export const PROJECTION_TABLES: ReadonlyArray<{ table: string; ignore?: readonly string[] }> = [
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
