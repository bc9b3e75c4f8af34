import type { AuditReport } from '../../../shared/contract/trust.js';
import type { Writable } from '../../db/connection.js';
import { rawSql } from '../../db/sql.js';
import { PROJECTION_TABLES } from '../events/projector.js';

type Problem = AuditReport['problems'][number];

/** More differences than the report shows are not read. */
const MAX_ROWS = 1001;

interface KeptTable {
  table: string;
  /** The columns compared (surrogate ids left out). */
  columns: string[];
  /** The primary key's columns when all of them are compared (rows are then unique on them), else null. */
  key: string[] | null;
}

/**
 * The projection tables as they were before `audit verify` rebuilt them, kept in temporary tables of the
 * audit's own transaction (its rollback drops them), and compared with the rebuilt tables inside SQLite:
 * no row crosses into JavaScript unless it differs. Rows are compared as multisets (a table whose surrogate
 * id is left out can hold equal rows), values exactly: the copies have no column types, so nothing is
 * converted, and text compares byte for byte.
 */
export class LiveProjections {
  private constructor(private readonly tables: readonly KeptTable[]) {}

  static async keep(tx: Writable): Promise<LiveProjections> {
    const tables: KeptTable[] = [];
    for (const { table, ignore = [] } of PROJECTION_TABLES) {
      const info = await tx.all<{ name: string; pk: number }>(rawSql(`SELECT name, pk FROM pragma_table_info('${table}') ORDER BY cid`));
      const columns = info.map((c) => c.name).filter((name) => !ignore.includes(name));
      const keyColumns = info.filter((c) => c.pk > 0).map((c) => c.name);
      const key = keyColumns.length > 0 && keyColumns.every((c) => columns.includes(c)) ? keyColumns : null;
      const list = columns.map(quoted).join(', ');
      await tx.exec(`CREATE TEMP TABLE ${liveCopy(table)} (${list}); INSERT INTO ${liveCopy(table)} SELECT ${list} FROM main.${table};`);
      tables.push({ table, columns, key });
    }
    return new LiveProjections(tables);
  }

  /** Rows the kept tables hold that the rebuilt ones do not explain, and rows the rebuilt ones hold that are missing. */
  async compare(tx: Writable, problems: Problem[]): Promise<void> {
    for (const kept of this.tables) {
      if (await same(tx, kept)) continue;
      const live = numbered(`temp.${liveCopy(kept.table)}`, kept.columns);
      const rebuilt = numbered(`main.${kept.table}`, kept.columns);
      for (const row of await tx.all<Record<string, unknown>>(rawSql(`${live} EXCEPT ${rebuilt} LIMIT ${MAX_ROWS}`))) {
        problems.push({ kind: 'row-unexplained', event: null, table: kept.table, detail: rowText(row) });
      }
      for (const row of await tx.all<Record<string, unknown>>(rawSql(`${rebuilt} EXCEPT ${live} LIMIT ${MAX_ROWS}`))) {
        problems.push({ kind: 'row-missing', event: null, table: kept.table, detail: rowText(row) });
      }
    }
  }
}

/**
 * Whether the two hold the same rows, the quick way: with a key, as many rows on each side and each kept
 * row matched by key with equal values; without one, as many rows and every kept row, counted among its
 * equals, found so counted in the rebuilt table (together these leave no room for a row of either side
 * unmatched).
 */
async function same(tx: Writable, { table, columns, key }: KeptTable): Promise<boolean> {
  const live = `temp.${liveCopy(table)}`;
  const counts = (await tx.get<{ live: number; rebuilt: number }>(rawSql(`SELECT (SELECT count(*) FROM ${live}) AS live, (SELECT count(*) FROM main.${table}) AS rebuilt`)))!;
  if (counts.live !== counts.rebuilt) return false;
  if (counts.live === 0) return true;
  if (key) {
    const on = key.map((c) => `r.${quoted(c)} = l.${quoted(c)}`).join(' AND ');
    const equal = columns.map((c) => `r.${quoted(c)} IS l.${quoted(c)} COLLATE BINARY`).join(' AND ');
    const matched = (await tx.get<{ n: number }>(rawSql(`SELECT count(*) AS n FROM ${live} AS l JOIN main.${table} AS r ON ${on} WHERE ${equal}`)))!;
    return matched.n === counts.live;
  }
  const grouped = (source: string) => `SELECT ${columns.map(binary).join(', ')}, count(*) FROM ${source} GROUP BY ${columns.map(binary).join(', ')}`;
  return (await tx.get(rawSql(`${grouped(live)} EXCEPT ${grouped(`main.${table}`)} LIMIT 1`))) === undefined;
}

function liveCopy(table: string): string {
  return `audit_live_${table}`;
}

function quoted(column: string): string {
  return `"${column.replaceAll('"', '""')}"`;
}

function binary(column: string): string {
  return `${quoted(column)} COLLATE BINARY`;
}

/** Each row with its copy number among equal rows, so EXCEPT (a set operation) counts duplicates. */
function numbered(source: string, columns: readonly string[]): string {
  return `SELECT ${columns.map((c) => `${binary(c)} AS ${quoted(c)}`).join(', ')}, row_number() OVER (PARTITION BY ${columns.map(binary).join(', ')}) AS audit_copy FROM ${source}`;
}

function rowText(row: Record<string, unknown>): string {
  delete row['audit_copy'];
  return JSON.stringify(row).slice(0, 300);
}
