import { AppError } from '../../shared/errors.js';
import type { Queryable, Writable } from './connection.js';
import { MIGRATIONS } from './migrations/index.js';
import { rawSql } from './sql.js';

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export async function readSchemaVersion(db: Queryable): Promise<number> {
  const row = await db.get<{ user_version: number }>(rawSql('PRAGMA user_version'));
  return row?.user_version ?? 0;
}

/**
 * Bring the schema to `target` (default: the newest this app knows), one migration per transaction, each
 * recording its number in PRAGMA user_version. A database from a newer app is refused, never touched.
 */
export async function migrateToLatest(db: Writable, target = LATEST_SCHEMA_VERSION): Promise<number> {
  const current = await readSchemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new AppError('INCOMPATIBLE', 'error.db.tooNew', { found: current, supported: LATEST_SCHEMA_VERSION });
  }
  for (const migration of MIGRATIONS.slice(current, target)) {
    // PRAGMA foreign_keys has no effect inside a transaction, so it is switched before BEGIN.
    if (migration.foreignKeysOff) await db.exec('PRAGMA foreign_keys = OFF');
    await db.exec('BEGIN IMMEDIATE');
    try {
      await migration.up(db);
      if (migration.foreignKeysOff) {
        const broken = await db.all(rawSql('PRAGMA foreign_key_check'));
        if (broken.length > 0) throw new Error(`migration ${migration.version} (${migration.name}) would break ${broken.length} foreign keys`);
      }
      await db.exec(`PRAGMA user_version = ${migration.version}`);
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      if (migration.foreignKeysOff) await db.exec('PRAGMA foreign_keys = ON');
    }
  }
  return readSchemaVersion(db);
}
