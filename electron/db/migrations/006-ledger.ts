import type { Migration } from './index.js';

/**
 * The review ledger in git (issue 8). `events.ledger_commit` names the ledger commit that holds the event's
 * file (NULL until it is written: the outbox). `ledger_conflicts` is a projection: concurrent changes to one
 * thing, and events a workstation could not apply, noted the same way everywhere. `ledger_quarantine` holds
 * what a pull or bundle brought that failed its checks, with the reason; `ledger_remotes` the places this
 * workspace exchanges its ledger with.
 */
export const migration006Ledger: Migration = {
  version: 6,
  name: 'ledger',
  async up(db) {
    await db.exec(`
      ALTER TABLE events ADD COLUMN ledger_commit TEXT;
      CREATE INDEX events_not_in_ledger ON events(ledger_commit) WHERE ledger_commit IS NULL;

      CREATE TABLE ledger_conflicts (
        event_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('concurrent', 'not-applied')),
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ledger_quarantine (
        keyid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        event_id TEXT,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL,
        received_at TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (keyid, seq, hash)
      ) STRICT;

      CREATE TABLE ledger_remotes (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        added_at TEXT NOT NULL,
        last_push_at TEXT,
        last_pull_at TEXT,
        last_pull_events INTEGER,
        last_pull_quarantined INTEGER,
        last_error TEXT
      ) STRICT;
    `);
  },
};
