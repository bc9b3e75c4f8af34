import type { Migration } from './index.js';

/**
 * Trust: every event is signed by its actor's Ed25519 key and chained to that actor's previous event
 * (`prev_hash`, `actor_seq`); `lamport` orders events from many workstations the same way everywhere.
 * Events written before identities existed keep NULL signatures and are reported by `audit verify`.
 *
 * `people` is the roster (a projection of roster events signed by admins), `policies` the release policy per
 * component, `signoffs` the DSSE envelopes people signed. `release_decisions` (never written) gives way to
 * `signoffs`.
 */
export const migration004Trust: Migration = {
  version: 4,
  name: 'trust',
  async up(db) {
    await db.exec(`
      ALTER TABLE events ADD COLUMN keyid TEXT;
      ALTER TABLE events ADD COLUMN actor_seq INTEGER;
      ALTER TABLE events ADD COLUMN prev_hash TEXT;
      ALTER TABLE events ADD COLUMN lamport INTEGER;
      ALTER TABLE events ADD COLUMN hash TEXT;
      ALTER TABLE events ADD COLUMN signature TEXT;
      CREATE UNIQUE INDEX events_by_actor ON events(keyid, actor_seq) WHERE keyid IS NOT NULL;
      CREATE INDEX events_by_type ON events(type);
      CREATE INDEX events_by_lamport ON events(lamport);

      CREATE TABLE people (
        name TEXT PRIMARY KEY,
        keyid TEXT NOT NULL UNIQUE,
        public_key TEXT NOT NULL,
        roles TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL,
        revoked_by TEXT,
        revoked_at TEXT,
        revoke_reason TEXT
      ) STRICT;

      CREATE TABLE policies (
        component_id TEXT PRIMARY KEY REFERENCES components(id),
        policy TEXT NOT NULL,
        event_id TEXT NOT NULL,
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE signoffs (
        id TEXT PRIMARY KEY,
        component_id TEXT NOT NULL REFERENCES components(id),
        commit_id TEXT NOT NULL,
        ref TEXT NOT NULL,
        tree_digest TEXT NOT NULL,
        role TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        comment TEXT NOT NULL,
        signer TEXT NOT NULL,
        keyid TEXT NOT NULL,
        envelope TEXT NOT NULL,
        signed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signoffs_by_release ON signoffs(component_id, commit_id);

      DROP TABLE release_decisions;
    `);
  },
};
