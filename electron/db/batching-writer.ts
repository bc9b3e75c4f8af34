import type { Queryable, Row, RunResult, Writable } from './connection.js';
import type { SqlQuery, SqlValue } from './sql.js';

/**
 * A writer for replaying many small statements (rebuilding projections): writes are collected and sent
 * to SQLite as one script, with their values written as SQL literals, instead of one round trip each
 * (node-sqlite3 spends far more on a round trip than SQLite on a small INSERT). A read first sends what
 * was collected, so it sees every earlier write. A write's RunResult is not known: callers must not use it.
 *
 * `ready`, when given, is awaited before anything is read or sent (the replay builds one group's script
 * while SQLite still runs the one before, and a read must see that one's writes); `opening` starts the
 * first script sent (the group's savepoint).
 */
export class BatchingWriter implements Writable {
  private pending: string[] = [];
  private pendingChars = 0;
  private sent = false;

  constructor(
    private readonly target: Writable,
    private readonly options: { ready?: () => Promise<void>; opening?: string } = {},
  ) {}

  /** Whether a script has gone to SQLite (the opening with it). */
  get hasSent(): boolean {
    return this.sent;
  }

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
    await this.options.ready?.();
    if (this.pending.length === 0) return;
    await this.target.exec(this.take(''));
  }

  /** Send what is left with `closing` after it, without waiting: the promise says whether it all ran. */
  sendRest(closing: string): Promise<boolean> {
    return this.target.exec(this.take(closing)).then(
      () => true,
      () => false,
    );
  }

  /** What was collected as one script (the opening first, if nothing went before), leaving nothing collected. */
  private take(closing: string): string {
    const parts = this.pending;
    if (!this.sent && this.options.opening) parts.unshift(this.options.opening);
    if (closing) parts.push(closing);
    this.sent = true;
    this.pending = [];
    this.pendingChars = 0;
    return parts.join(';\n');
  }
}

const MAX_SCRIPT_CHARS = 8 * 1024 * 1024;

/** The statement with each `?` replaced by its value as an SQL literal (the text itself holds no other `?`). */
export function inlineValues(query: SqlQuery): string {
  const { text, values } = query;
  let inlined = '';
  let from = 0;
  for (const value of values) {
    const at = text.indexOf('?', from);
    if (at === -1) throw placeholderMismatch(query);
    inlined += text.slice(from, at) + literal(value);
    from = at + 1;
  }
  if (text.includes('?', from)) throw placeholderMismatch(query);
  return inlined + text.slice(from);
}

function placeholderMismatch({ text, values }: SqlQuery): Error {
  return new Error(`statement has ${text.split('?').length - 1} placeholders for ${values.length} values`);
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
