import sqlite3 from 'sqlite3';
import type { SqlQuery } from './sql.js';

export type Row = Record<string, unknown>;

export interface RunResult {
  changes: number;
  lastId: number;
}

/** The read side every query helper takes: a live connection or an open transaction. */
export interface Queryable {
  get<T = Row>(query: SqlQuery): Promise<T | undefined>;
  all<T = Row>(query: SqlQuery): Promise<T[]>;
}

export interface Writable extends Queryable {
  run(query: SqlQuery): Promise<RunResult>;
  exec(script: string): Promise<void>;
}

/** A promise face over one sqlite3 connection. */
export class SqliteConnection implements Writable {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, options: { readonly: boolean; create: boolean }): Promise<SqliteConnection> {
    const mode = options.readonly
      ? sqlite3.OPEN_READONLY
      : sqlite3.OPEN_READWRITE | (options.create ? sqlite3.OPEN_CREATE : 0);
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(new SqliteConnection(db))));
    });
  }

  get<T = Row>(query: SqlQuery): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(query.text, query.values, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
    });
  }

  all<T = Row>(query: SqlQuery): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(query.text, query.values, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)));
    });
  }

  run(query: SqlQuery): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(query.text, query.values, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  exec(script: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(script, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error) => (error ? reject(error) : resolve()));
    });
  }
}
