import type { Migration } from './index.js';

/**
 * Components, their mirrors' ref history and integrity alarms. A sync's full ref snapshot is the
 * previous snapshot plus that sync's ref_changes; component_refs holds the newest snapshot, and each sync
 * stores the SHA-256 of its snapshot so any reconstruction can be checked.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  async up(db) {
    await db.exec(`
      CREATE TABLE workspace_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE components (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        source TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('https', 'ssh', 'file', 'path')),
        head_ref TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE syncs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        status TEXT NOT NULL CHECK (status IN ('running', 'applying', 'ok', 'failed', 'cancelled', 'interrupted')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        error_json TEXT,
        refs_added INTEGER NOT NULL DEFAULT 0,
        refs_updated INTEGER NOT NULL DEFAULT 0,
        refs_forced INTEGER NOT NULL DEFAULT 0,
        refs_deleted INTEGER NOT NULL DEFAULT 0,
        refs_unchanged INTEGER NOT NULL DEFAULT 0,
        snapshot_sha256 TEXT
      ) STRICT;
      CREATE INDEX syncs_by_component ON syncs (component_id, id);

      CREATE TABLE ref_changes (
        sync_id INTEGER NOT NULL REFERENCES syncs(id),
        refname TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('added', 'updated', 'forced', 'deleted')),
        old_target TEXT,
        new_target TEXT,
        new_peeled TEXT,
        preserved_ref TEXT,
        PRIMARY KEY (sync_id, refname)
      ) STRICT;

      CREATE TABLE component_refs (
        component_id TEXT NOT NULL REFERENCES components(id),
        refname TEXT NOT NULL,
        target TEXT NOT NULL,
        peeled TEXT,
        since_sync_id INTEGER NOT NULL REFERENCES syncs(id),
        PRIMARY KEY (component_id, refname)
      ) STRICT;

      CREATE TABLE integrity_alarms (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        sync_id INTEGER NOT NULL REFERENCES syncs(id),
        refname TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('forced', 'deleted')),
        severity TEXT NOT NULL CHECK (severity IN ('high', 'medium')),
        old_target TEXT NOT NULL,
        new_target TEXT,
        preserved_ref TEXT NOT NULL,
        raised_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX alarms_by_component ON integrity_alarms (component_id, id);
    `);
  },
};
