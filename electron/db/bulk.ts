import type { Writable } from './connection.js';
import { SqlQuery, type SqlValue } from './sql.js';

/** Rows per statement: well under SQLite's 32766 bound parameters for the widest table we write. */
const CHUNK_ROWS = 400;

/**
 * Insert many rows with a few multi-row statements instead of one round trip per row. Table, columns and
 * the conflict clause are code, never data; every value is bound.
 */
export async function insertRows(
  tx: Writable,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly SqlValue[]>,
  onConflict = '',
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')} ${onConflict}`;
    await tx.run(new SqlQuery(text, chunk.flat()));
  }
}

/** Delete rows whose `column` is one of `values`, in chunks, within an extra fixed condition. */
export async function deleteWhereIn(tx: Writable, table: string, column: string, values: readonly SqlValue[], where: SqlQuery): Promise<void> {
  for (let start = 0; start < values.length; start += CHUNK_ROWS) {
    const chunk = values.slice(start, start + CHUNK_ROWS);
    await tx.run(new SqlQuery(`DELETE FROM ${table} WHERE ${where.text} AND ${column} IN (${chunk.map(() => '?').join(', ')})`, [...where.values, ...chunk]));
  }
}

/** Rows per statement for insertJsonRows: one JSON text parsed by SQLite itself. */
const JSON_CHUNK_ROWS = 1000;

/**
 * Insert many rows through SQLite's json_each: one bound JSON array per statement, unpacked in C. With
 * node-sqlite3 this is an order of magnitude faster than multi-row VALUES for 100k rows (each VALUES
 * statement is parsed and bound value by value). Values must be JSON-representable (no Buffers).
 *
 * Columns with the same value in every row go in `fixed`: bound once per statement rather than unpacked
 * per row (each `->>` reads the row's JSON again, and that reading is most of the cost).
 */
export async function insertJsonRows(
  tx: Writable,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  fixed: Readonly<Record<string, SqlValue>> = {},
): Promise<void> {
  const fixedColumns = Object.keys(fixed);
  const picks = [...columns.map((_, i) => `value ->> ${i}`), ...fixedColumns.map(() => '?')].join(', ');
  const text = `INSERT INTO ${table} (${[...columns, ...fixedColumns].join(', ')}) SELECT ${picks} FROM json_each(?)`;
  const fixedValues = Object.values(fixed);
  for (let start = 0; start < rows.length; start += JSON_CHUNK_ROWS) {
    await tx.run(new SqlQuery(text, [...fixedValues, JSON.stringify(rows.slice(start, start + JSON_CHUNK_ROWS))]));
  }
}
