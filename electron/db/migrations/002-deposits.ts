import type { Migration } from './index.js';

/**
 * Deposits: components fed by git bundles (air-gapped), pinned releases with their escrow-tree-v1 digest
 * and inventory, verification results, and acknowledgements of integrity alarms (kept beside the alarm,
 * which is never deleted). Adding 'bundle' to a CHECK constraint needs SQLite's table rebuild.
 */
export const migration002Deposits: Migration = {
  version: 2,
  name: 'deposits',
  foreignKeysOff: true,
  async up(db) {
    await db.exec(`
      CREATE TABLE components_v2 (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        source TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('https', 'ssh', 'file', 'path', 'bundle')),
        head_ref TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO components_v2 (id, name, source, source_kind, head_ref, created_at)
        SELECT id, name, source, source_kind, head_ref, created_at FROM components;
      DROP TABLE components;
      ALTER TABLE components_v2 RENAME TO components;

      CREATE TABLE releases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        refname TEXT NOT NULL,
        commit_id TEXT NOT NULL,
        tree_id TEXT NOT NULL,
        digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*'),
        file_count INTEGER NOT NULL,
        total_bytes INTEGER NOT NULL,
        pinned_at TEXT NOT NULL,
        pinned_by TEXT NOT NULL,
        UNIQUE (component_id, refname, commit_id)
      ) STRICT;
      CREATE INDEX releases_by_component ON releases (component_id, id);

      CREATE TABLE release_inventories (
        release_id INTEGER PRIMARY KEY REFERENCES releases(id),
        inventory_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE verifications (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        verified_at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        problems_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX verifications_by_component ON verifications (component_id, id);

      CREATE TABLE bundle_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        sync_id INTEGER REFERENCES syncs(id),
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        refs INTEGER NOT NULL,
        prerequisites INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE alarm_acknowledgements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        alarm_id INTEGER NOT NULL REFERENCES integrity_alarms(id),
        comment TEXT NOT NULL CHECK (length(comment) > 0),
        acknowledged_by TEXT NOT NULL,
        acknowledged_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX acknowledgements_by_alarm ON alarm_acknowledgements (alarm_id);
    `);
  },
};
