import type { Queryable, Row, RunResult, Writable } from './connection.js';
import type { SqlQuery, SqlValue } from './sql.js';

/**
 * A writer for replaying many small statements (rebuilding projections): writes are collected and sent
 * to SQLite as one script, with their values written as SQL literals, instead of one round trip each
 * (node-sqlite3 spends far more on a round trip than SQLite on a small INSERT). A read first sends what
 * was collected, so it sees every earlier write. A write's RunResult is not known: callers must not use it.
 */
export class BatchingWriter implements Writable {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly target: Writable) {}

  async run(query: SqlQuery): Promise<RunResult> {
    const text = inlineValues(query);
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars > MAX_SCRIPT_CHARS) await this.flush();
    return { changes: 0, lastId: 0 };
  }

  async get<T = Row>(query: SqlQuery): Promise<T | undefined> {
    await this.flush();
    return (this.target as Queryable).get<T>(query);
  }

  async all<T = Row>(query: SqlQuery): Promise<T[]> {
    await this.flush();
    return (this.target as Queryable).all<T>(query);
  }

  async exec(script: string): Promise<void> {
    await this.flush();
    await this.target.exec(script);
  }

  /** Send everything collected; an error names no statement (callers retry without batching to find it). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const script = this.pending.join(';\n');
    this.pending = [];
    this.pendingChars = 0;
    await this.target.exec(script);
  }

  /** Forget what was collected (after a failure, before the caller rolls back). */
  discard(): void {
    this.pending = [];
    this.pendingChars = 0;
  }
}

const MAX_SCRIPT_CHARS = 8 * 1024 * 1024;

/** The statement with each `?` replaced by its value as an SQL literal (the text itself holds no other `?`). */
export function inlineValues(query: SqlQuery): string {
  let index = 0;
  const text = query.text.replace(/\?/g, () => literal(query.values[index++]!));
  if (index !== query.values.length) throw new Error(`statement has ${index} placeholders for ${query.values.length} values`);
  return text;
}

function literal(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`no SQL literal for ${value}`);
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? '1' : '0';
    case 'string':
      // A NUL would end the script as SQLite reads it: such text goes as hex, cast back to text.
      return value.includes('\u0000') ? `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)` : `'${value.replaceAll("'", "''")}'`;
    default:
      return `X'${Buffer.from(value).toString('hex')}'`;
  }
}
