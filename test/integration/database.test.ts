import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { SqliteConnection } from '../../electron/db/connection.js';
import { Database } from '../../electron/db/database.js';
import { LATEST_SCHEMA_VERSION, migrateToLatest, readSchemaVersion } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';
import { rawSql, sql, sqlList } from '../../electron/db/sql.js';
import { tempDir } from '../helpers/temp.js';

async function freshFile(): Promise<string> {
  return path.join(await tempDir('ew-db-'), 'workbench.db');
}

describe('Database', () => {
  it('creates the newest schema in WAL mode with foreign keys on', async () => {
    const db = await Database.open(await freshFile(), { readonly: false, create: true });
    expect(await readSchemaVersion(db.read)).toBe(LATEST_SCHEMA_VERSION);
    const mode = await db.transaction((tx) => tx.get<{ journal_mode: string }>(rawSql('PRAGMA journal_mode')));
    expect(mode?.journal_mode).toBe('wal');
    await expect(
      db.transaction((tx) => tx.run(sql`INSERT INTO syncs (component_id, status, started_at) VALUES ('missing', 'ok', 'now')`)),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('rolls a failed transaction back completely', async () => {
    const db = await Database.open(await freshFile(), { readonly: false, create: true });
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO workspace_settings (key, value) VALUES ('a', '1')`);
        await tx.run(sql`INSERT INTO workspace_settings (key, value) VALUES ('a', '2')`);
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.read.all(sql`SELECT * FROM workspace_settings`)).toEqual([]);
    await db.close();
  });

  it('runs transactions one after another, never interleaved', async () => {
    const db = await Database.open(await freshFile(), { readonly: false, create: true });
    const order: string[] = [];
    await Promise.all(
      ['x', 'y', 'z'].map((name) =>
        db.transaction(async (tx) => {
          order.push(`${name}:start`);
          await tx.run(sql`INSERT INTO workspace_settings (key, value) VALUES (${name}, ${'1'})`);
          await new Promise((r) => setTimeout(r, 5));
          order.push(`${name}:end`);
        }),
      ),
    );
    expect(order).toEqual(['x:start', 'x:end', 'y:start', 'y:end', 'z:start', 'z:end']);
    await db.close();
  });

  it('shows readers only committed data', async () => {
    const db = await Database.open(await freshFile(), { readonly: false, create: true });
    let seenInside: unknown[] = ['not read'];
    await db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO workspace_settings (key, value) VALUES ('k', 'v')`);
      seenInside = await db.read.all(sql`SELECT key FROM workspace_settings`);
    });
    expect(seenInside).toEqual([]);
    expect(await db.read.all(sql`SELECT key FROM workspace_settings`)).toEqual([{ key: 'k' }]);
    await db.close();
  });

  it('binds values, so quotes in data are data', async () => {
    const db = await Database.open(await freshFile(), { readonly: false, create: true });
    const evil = "x'); DROP TABLE components; --";
    await db.transaction((tx) => tx.run(sql`INSERT INTO workspace_settings (key, value) VALUES (${evil}, ${evil})`));
    expect(await db.read.all(sql`SELECT value FROM workspace_settings WHERE key IN ${sqlList([evil, 'other'])}`)).toEqual([{ value: evil }]);
    expect(await db.read.get(sql`SELECT COUNT(*) AS n FROM components`)).toEqual({ n: 0 });
    await db.close();
  });

  it('refuses a database from a newer app without touching it', async () => {
    const file = await freshFile();
    const raw = await SqliteConnection.open(file, { readonly: false, create: true });
    await raw.exec('CREATE TABLE future (x); PRAGMA user_version = 99;');
    await raw.close();
    const error = await Database.open(file, { readonly: false, create: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INCOMPATIBLE');
    expect((error as AppError).message).toContain('schema version 99');
    const check = await SqliteConnection.open(file, { readonly: true, create: false });
    expect(await readSchemaVersion(check)).toBe(99);
    expect(await check.all(rawSql("SELECT name FROM sqlite_master WHERE name = 'components'"))).toEqual([]);
    await check.close();
  });

  it('refuses to open read-only a database that still needs migrating', async () => {
    const file = await freshFile();
    const raw = await SqliteConnection.open(file, { readonly: false, create: true });
    await raw.close();
    const error = await Database.open(file, { readonly: true, create: false }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('INCOMPATIBLE');
  });
});

describe('migration 001 (initial)', () => {
  it('is listed first and brings an empty database to version 1', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    expect(await migrateToLatest(raw, 1)).toBe(1);
    const tables = await raw.all<{ name: string }>(rawSql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    expect(tables.map((t) => t.name)).toEqual(['component_refs', 'components', 'integrity_alarms', 'ref_changes', 'syncs', 'workspace_settings']);
    await raw.close();
  });

  it('enforces its domain constraints', async () => {
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    await migrateToLatest(raw, 1);
    await raw.run(sql`INSERT INTO components (id, name, source, source_kind, created_at) VALUES ('c1', 'Payments', '/x', 'path', 't')`);
    await expect(raw.run(sql`INSERT INTO components (id, name, source, source_kind, created_at) VALUES ('c2', 'payments', '/y', 'path', 't')`)).rejects.toThrow(/UNIQUE/);
    await expect(raw.run(sql`INSERT INTO components (id, name, source, source_kind, created_at) VALUES ('c3', 'x', '/y', 'ftp', 't')`)).rejects.toThrow(/CHECK/);
    await expect(raw.run(sql`INSERT INTO syncs (component_id, status, started_at) VALUES ('c1', 'done', 't')`)).rejects.toThrow(/CHECK/);
    await raw.close();
  });
});

describe('migration 002 (deposits)', () => {
  it('keeps every row of a version-1 workspace, and its references, while adding bundle sources', async () => {
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    await raw.exec('PRAGMA foreign_keys = ON');
    await migrateToLatest(raw, 1);
    await raw.exec(`
      INSERT INTO components (id, name, source, source_kind, head_ref, created_at) VALUES
        ('c1', 'payments-gateway', 'https://git.vendor.example.kz/payments.git', 'https', 'refs/heads/main', '2026-01-10T09:00:00Z'),
        ('c2', 'registry-db', '/srv/deposits/registry-db.git', 'path', NULL, '2026-01-11T09:00:00Z');
      INSERT INTO syncs (id, component_id, status, started_at, finished_at, refs_added, snapshot_sha256) VALUES
        (1, 'c1', 'ok', '2026-01-10T09:01:00Z', '2026-01-10T09:02:00Z', 2, '${'a'.repeat(64)}'),
        (2, 'c1', 'ok', '2026-02-10T09:01:00Z', '2026-02-10T09:02:00Z', 0, '${'b'.repeat(64)}'),
        (3, 'c2', 'failed', '2026-01-11T09:01:00Z', '2026-01-11T09:01:05Z', 0, NULL);
      INSERT INTO ref_changes (sync_id, refname, kind, old_target, new_target) VALUES
        (1, 'refs/heads/main', 'added', NULL, '${'1'.repeat(40)}'),
        (1, 'refs/tags/v1.0.0', 'added', NULL, '${'2'.repeat(40)}'),
        (2, 'refs/tags/v1.0.0', 'forced', '${'2'.repeat(40)}', '${'3'.repeat(40)}');
      INSERT INTO component_refs (component_id, refname, target, since_sync_id) VALUES
        ('c1', 'refs/heads/main', '${'1'.repeat(40)}', 1), ('c1', 'refs/tags/v1.0.0', '${'3'.repeat(40)}', 2);
      INSERT INTO integrity_alarms (component_id, sync_id, refname, kind, severity, old_target, new_target, preserved_ref, raised_at) VALUES
        ('c1', 2, 'refs/tags/v1.0.0', 'forced', 'high', '${'2'.repeat(40)}', '${'3'.repeat(40)}', 'refs/escrow/preserved/2/refs/tags/v1.0.0', '2026-02-10T09:02:00Z');
    `);
    const before = await raw.all(rawSql('SELECT * FROM components ORDER BY id'));

    expect(await migrateToLatest(raw, 2)).toBe(2);
    expect(await raw.all(rawSql('SELECT * FROM components ORDER BY id'))).toEqual(before);
    expect(await raw.all(rawSql('PRAGMA foreign_key_check'))).toEqual([]);
    expect(await raw.get(rawSql('SELECT COUNT(*) AS n FROM syncs'))).toEqual({ n: 3 });
    expect(await raw.get(rawSql("SELECT c.name FROM integrity_alarms a JOIN components c ON c.id = a.component_id"))).toEqual({ name: 'payments-gateway' });

    await raw.run(sql`INSERT INTO components (id, name, source, source_kind, created_at) VALUES ('c3', 'archive', '/media/usb/archive.bundle', 'bundle', 't')`);
    await expect(raw.run(sql`INSERT INTO components (id, name, source, source_kind, created_at) VALUES ('c4', 'x', '/y', 'ftp', 't')`)).rejects.toThrow(/CHECK/);
    await expect(raw.run(sql`INSERT INTO syncs (component_id, status, started_at) VALUES ('nope', 'ok', 't')`)).rejects.toThrow(/FOREIGN KEY/);
    await raw.run(sql`INSERT INTO alarm_acknowledgements (alarm_id, comment, acknowledged_by, acknowledged_at) VALUES (1, 'Vendor re-tagged after a broken build; confirmed by phone.', 'security', 't')`);
    await expect(raw.run(sql`INSERT INTO alarm_acknowledgements (alarm_id, comment, acknowledged_by, acknowledged_at) VALUES (1, '', 'security', 't')`)).rejects.toThrow(/CHECK/);
    await expect(raw.run(sql`INSERT INTO releases (component_id, refname, commit_id, tree_id, digest, file_count, total_bytes, pinned_at, pinned_by) VALUES ('c1', 'refs/tags/v1.0.0', 'x', 'y', 'md5:abc', 1, 1, 't', 'a')`)).rejects.toThrow(/CHECK/);
    await raw.close();
  });
});

describe('migration 003 (review)', () => {
  it('keeps a version-2 workspace whole and adds the event log with the review projections and their rules', async () => {
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    await raw.exec('PRAGMA foreign_keys = ON');
    await migrateToLatest(raw, 2);
    await raw.exec(`
      INSERT INTO components (id, name, source, source_kind, head_ref, created_at) VALUES
        ('c1', 'payments-gateway', 'https://git.vendor.example.kz/payments.git', 'https', 'refs/heads/main', '2026-01-10T09:00:00Z');
      INSERT INTO releases (component_id, refname, commit_id, tree_id, digest, file_count, total_bytes, pinned_at, pinned_by) VALUES
        ('c1', 'refs/tags/v1.0.0', '${'1'.repeat(40)}', '${'2'.repeat(40)}', 'sha256:${'a'.repeat(64)}', 3, 300, '2026-01-10T10:00:00Z', 'aliya');
    `);
    const before = await raw.all(rawSql('SELECT * FROM releases'));
    expect(await migrateToLatest(raw, 3)).toBe(3);
    expect(await raw.all(rawSql('SELECT * FROM releases'))).toEqual(before);
    const tables = await raw.all<{ name: string }>(rawSql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['events', 'threads', 'comments', 'comment_edits', 'review_criteria', 'review_marks', 'blob_lines', 'findings', 'finding_anchors', 'finding_history', 'risk_acceptances', 'release_decisions']));

    const finding = (id: string, number: number, fingerprint: string, severity = 'high', status = 'open') =>
      raw.run(sql`INSERT INTO findings (id, component_id, number, title, description, severity, status, fingerprint, source, commit_id, created_by, created_at, updated_at)
        VALUES (${id}, 'c1', ${number}, 'SQL built from input', '', ${severity}, ${status}, ${fingerprint}, 'manual', ${'1'.repeat(40)}, 'aliya', 't', 't')`);
    await finding('f1', 1, 'fp-1');
    await expect(finding('f2', 1, 'fp-2')).rejects.toThrow(/UNIQUE/);
    await expect(finding('f3', 2, 'fp-1')).rejects.toThrow(/UNIQUE/);
    await expect(finding('f4', 3, 'fp-4', 'severe')).rejects.toThrow(/CHECK/);
    await expect(finding('f5', 4, 'fp-5', 'high', 'wontfix')).rejects.toThrow(/CHECK/);
    await expect(raw.run(sql`INSERT INTO threads (id, component_id, commit_id, path, blob, start_line, end_line, anchor, status, created_by, created_at, updated_at)
      VALUES ('t1', 'nope', 'c', 'p', 'b', 1, 1, '{}', 'open', 'a', 't', 't')`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(raw.run(sql`INSERT INTO events (id, type, actor, at, payload) VALUES ('e1', 'thread.opened', 'aliya', 't', '{}'), ('e1', 'x', 'a', 't', '{}')`)).rejects.toThrow(/UNIQUE/);
    await raw.close();
  });
});

describe('migration 005 (range-only anchors)', () => {
  it("cuts an imported finding's stored anchor to its hash and leaves a person's finding whole", async () => {
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    await raw.exec('PRAGMA foreign_keys = ON');
    await migrateToLatest(raw, 4);
    const full = JSON.stringify({ commit: 'c'.repeat(40), path: 'a.go', blob: 'b'.repeat(40), startLine: 2, endLine: 2, linesSha256: 'd'.repeat(64), lines: ['x'], before: ['w'], after: [] });
    await raw.exec(`INSERT INTO components (id, name, source, source_kind, head_ref, created_at) VALUES ('c1', 'payments', '/src', 'path', 'refs/heads/main', 't')`);
    for (const [id, source] of [['scanned', 'sarif:gosec'], ['written', 'manual']] as const) {
      await raw.run(sql`INSERT INTO findings (id, component_id, number, title, description, severity, status, fingerprint, source, commit_id, created_by, created_at, updated_at)
        VALUES (${id}, 'c1', ${id === 'scanned' ? 1 : 2}, 'T', '', 'high', 'open', ${id}, ${source}, ${'c'.repeat(40)}, 'aliya', 't', 't')`);
      await raw.run(sql`INSERT INTO finding_anchors (finding_id, position, commit_id, path, blob, start_line, end_line, anchor) VALUES (${id}, 0, ${'c'.repeat(40)}, 'a.go', ${'b'.repeat(40)}, 2, 2, ${full})`);
    }
    expect(await migrateToLatest(raw, 5)).toBe(5);
    const rows = await raw.all<{ finding_id: string; anchor: string }>(rawSql('SELECT finding_id, anchor FROM finding_anchors ORDER BY finding_id'));
    expect(rows).toEqual([
      { finding_id: 'scanned', anchor: JSON.stringify({ linesSha256: 'd'.repeat(64) }) },
      { finding_id: 'written', anchor: full },
    ]);
    await raw.close();
  });
});

describe('migration 007 (ledger-order index)', () => {
  it('indexes the signed events in ledger order, leaving unsigned rows out, and reads them through it', async () => {
    const raw = await SqliteConnection.open(await freshFile(), { readonly: false, create: true });
    await raw.exec('PRAGMA foreign_keys = ON');
    await migrateToLatest(raw, 6);
    await raw.exec(`
      INSERT INTO events (id, type, actor, at, payload) VALUES ('old', 'thread.opened', 'aliya', 't', '{}');
      INSERT INTO events (id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature) VALUES
        ('b1', 'thread.replied', 'bob', 't', '{}', 'bbbb', 1, NULL, 2, 'h', 's'),
        ('a1', 'thread.replied', 'ann', 't', '{}', 'aaaa', 1, NULL, 2, 'h', 's'),
        ('a0', 'roster.person-added', 'ann', 't', '{}', 'aaaa', 0, NULL, 1, 'h', 's');
    `);
    const before = await raw.all(rawSql('SELECT * FROM events ORDER BY seq'));
    expect(await migrateToLatest(raw, 7)).toBe(7);
    expect(await raw.all(rawSql('SELECT * FROM events ORDER BY seq'))).toEqual(before);
    const inOrder = await raw.all<{ id: string }>(rawSql('SELECT id FROM events INDEXED BY events_in_ledger_order WHERE keyid IS NOT NULL AND actor_seq IS NOT NULL AND lamport IS NOT NULL ORDER BY lamport, keyid, actor_seq'));
    expect(inOrder.map((r) => r.id)).toEqual(['a0', 'a1', 'b1']);
    const plan = await raw.all<{ detail: string }>(rawSql("EXPLAIN QUERY PLAN SELECT id FROM events WHERE keyid IS NOT NULL AND actor_seq IS NOT NULL AND lamport IS NOT NULL AND (lamport, keyid, actor_seq) > (1, 'aaaa', 0) ORDER BY lamport, keyid, actor_seq LIMIT 2"));
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX events_in_ledger_order');
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
    await raw.close();
  });
});
