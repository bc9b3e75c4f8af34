import type { Migration } from './index.js';

/**
 * Review: every mutation is first an event (type, actor, time, JSON payload) and the tables below are its
 * projections, written in the same transaction. The trust issue adds the signature and hash chain to
 * `events`; nothing here needs to change for that.
 *
 * Threads and findings keep their anchor (DESIGN.md: commit, path, line range, SHA-256 of the lines and
 * context) as JSON beside the indexed columns used to find them. Review credit is keyed by blob id, so an
 * unchanged file keeps its credit in every later release. `blob_lines` caches line counts by blob id
 * (content-addressed: never stale).
 */
export const migration003Review: Migration = {
  version: 3,
  name: 'review',
  async up(db) {
    await db.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        payload TEXT NOT NULL
      ) STRICT;

      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        component_id TEXT NOT NULL REFERENCES components(id),
        commit_id TEXT NOT NULL,
        path TEXT NOT NULL,
        blob TEXT NOT NULL,
        start_line INTEGER NOT NULL,
        end_line INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX threads_by_path ON threads(component_id, path);
      CREATE INDEX threads_by_blob ON threads(blob);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL REFERENCES threads(id),
        author TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        edited_at TEXT
      ) STRICT;
      CREATE INDEX comments_by_thread ON comments(thread_id, created_at);

      CREATE TABLE comment_edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        comment_id TEXT NOT NULL REFERENCES comments(id),
        previous_body TEXT NOT NULL,
        edited_by TEXT NOT NULL,
        edited_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE review_criteria (
        component_id TEXT NOT NULL REFERENCES components(id),
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        implies TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (component_id, name)
      ) STRICT;

      CREATE TABLE review_marks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        blob TEXT NOT NULL,
        path TEXT NOT NULL,
        commit_id TEXT NOT NULL,
        criterion TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        start_line INTEGER,
        end_line INTEGER,
        marked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_marks_by_blob ON review_marks(component_id, blob);

      CREATE TABLE blob_lines (
        blob TEXT PRIMARY KEY,
        lines INTEGER NOT NULL,
        binary INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        component_id TEXT NOT NULL REFERENCES components(id),
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
        cwe INTEGER,
        cvss_vector TEXT,
        cvss_score REAL,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'reported', 'fixed', 'closed', 'false-positive', 'risk-accepted')),
        fingerprint TEXT NOT NULL,
        source TEXT NOT NULL,
        rule_id TEXT,
        commit_id TEXT NOT NULL,
        false_positive_by TEXT,
        fixed_in TEXT,
        still_reported INTEGER NOT NULL DEFAULT 1,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (component_id, number),
        UNIQUE (component_id, fingerprint)
      ) STRICT;

      CREATE TABLE finding_anchors (
        finding_id TEXT NOT NULL REFERENCES findings(id),
        position INTEGER NOT NULL,
        commit_id TEXT NOT NULL,
        path TEXT NOT NULL,
        blob TEXT NOT NULL,
        start_line INTEGER NOT NULL,
        end_line INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        PRIMARY KEY (finding_id, position)
      ) STRICT;
      CREATE INDEX finding_anchors_by_path ON finding_anchors(path);

      CREATE TABLE finding_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        finding_id TEXT NOT NULL REFERENCES findings(id),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        comment TEXT NOT NULL
      ) STRICT;
      CREATE INDEX finding_history_by_finding ON finding_history(finding_id, id);

      CREATE TABLE risk_acceptances (
        id TEXT PRIMARY KEY,
        finding_id TEXT NOT NULL REFERENCES findings(id),
        requested_by TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        justification TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        approved_by TEXT,
        approved_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'withdrawn'))
      ) STRICT;
      CREATE INDEX risk_acceptances_by_finding ON risk_acceptances(finding_id);

      CREATE TABLE release_decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        component_id TEXT NOT NULL REFERENCES components(id),
        commit_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'request-changes')),
        actor TEXT NOT NULL,
        comment TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX release_decisions_by_commit ON release_decisions(component_id, commit_id);
    `);
  },
};
