import { AppError } from '../../../shared/errors.js';
import type { Queryable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';

/** The local id of the component an event names (events carry names: ids differ between workstations). */
export async function componentIdOf(tx: Queryable, name: unknown): Promise<string> {
  const row = await tx.get<{ id: string }>(sql`SELECT id FROM components WHERE name = ${String(name)}`);
  if (!row) throw new AppError('INTEGRITY', 'error.audit.unknownComponent', { component: String(name).slice(0, 100) });
  return row.id;
}
