import { AppError } from '../../shared/errors.js';
import { SqliteConnection, type Queryable, type Writable } from './connection.js';
import { migrateToLatest, readSchemaVersion, LATEST_SCHEMA_VERSION } from './migrate.js';
import { rawSql } from './sql.js';

export interface DatabaseOptions {
  /** Open for reading only (another process holds the workspace lock). */
  readonly: boolean;
  create: boolean;
}

/**
 * The workspace database: one writer connection whose transactions run strictly one after another, and one
 * reader connection that sees only committed data (WAL), so the UI never reads half of a transaction.
 */
export class Database {
  private writeChain: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly writer: SqliteConnection | null,
    private readonly reader: SqliteConnection,
  ) {}

  static async open(file: string, options: DatabaseOptions): Promise<Database> {
    let writer: SqliteConnection | null = null;
    if (!options.readonly) {
      writer = await SqliteConnection.open(file, { readonly: false, create: options.create });
      try {
        await writer.exec(
          'PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;',
        );
        await migrateToLatest(writer);
      } catch (error) {
        await writer.close();
        throw error;
      }
    }
    const reader = await SqliteConnection.open(file, { readonly: true, create: false });
    try {
      await reader.exec('PRAGMA busy_timeout = 10000; PRAGMA query_only = ON; PRAGMA cache_size = -65536;');
      const version = await readSchemaVersion(reader);
      if (version !== LATEST_SCHEMA_VERSION) {
        throw new AppError('INCOMPATIBLE', 'error.db.needsUpgrade', { found: version, supported: LATEST_SCHEMA_VERSION });
      }
    } catch (error) {
      await reader.close();
      await writer?.close();
      throw error;
    }
    return new Database(writer, reader);
  }

  get read(): Queryable {
    return this.reader;
  }

  get isReadonly(): boolean {
    return this.writer === null;
  }

  /**
   * Run `work` inside BEGIN IMMEDIATE … COMMIT; any error rolls everything back. Transactions are queued,
   * never interleaved. Do not start a transaction from inside another one: it would wait forever.
   */
  transaction<T>(work: (tx: Writable) => Promise<T>): Promise<T> {
    const writer = this.writer;
    if (!writer || this.closed) {
      return Promise.reject(new AppError('LOCKED', 'error.workspace.readonly'));
    }
    const next = this.writeChain.then(async () => {
      await writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(writer);
        await writer.exec('COMMIT');
        for (const listener of this.commitListeners) listener();
        return result;
      } catch (error) {
        await writer.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    this.writeChain = next.catch(() => undefined);
    return next;
  }

  private readonly commitListeners: Array<() => void> = [];

  /** Called after every committed transaction (the ledger repository writes new events to git then). */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  async integrityCheck(): Promise<string[]> {
    const rows = await this.reader.all<{ integrity_check: string }>(rawSql('PRAGMA integrity_check'));
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeChain;
    await this.reader.close();
    if (this.writer) {
      await this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      await this.writer.close();
    }
  }
}
