import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentSyncResult } from '../../shared/contract/components.js';
import { sql } from '../../electron/db/sql.js';
import { commitFiles, git, initRepository, refsOf, repositoryWithManyRefs } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

async function vendorRepository(): Promise<string> {
  const repo = await initRepository(path.join(await tempDir('ew-vendor-'), 'vendor'));
  await commitFiles(repo, { 'src/main.go': 'package main\n' }, 'initial');
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'release 1.0.0');
  await commitFiles(repo, { 'src/main.go': 'package main\n\nfunc main() {}\n' }, 'second');
  await git(repo, 'tag', 'v1.1.0');
  await git(repo, 'branch', 'develop');
  return repo;
}

async function sync(name: string): Promise<ComponentSyncResult> {
  const result = (await call(ws.dispatcher, 'sync.run', { components: [name] })) as { components: ComponentSyncResult[] };
  return result.components[0]!;
}

function mirrorOf(name: string): Promise<string> {
  return ws.core.components.require(name).then((row) => ws.workspace.paths.mirror(row.id));
}

describe('sync', () => {
  it('mirrors every ref and object of the source, and records the snapshot', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    const result = await sync('payments');
    expect(result).toMatchObject({ status: 'ok', refs: { added: 4, updated: 0, forced: 0, deleted: 0, unchanged: 0 }, alarms: [] });
    const mirror = await mirrorOf('payments');
    expect(await refsOf(mirror, { excludeEscrow: true })).toEqual(await refsOf(path.join(vendor, '.git')));
    expect(await git(mirror, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main\n');
    expect((await git(mirror, 'fsck', '--full', '--no-dangling')).trim()).toBe('');
    const rows = await ws.workspace.db.read.all<{ refname: string }>(sql`SELECT refname FROM component_refs ORDER BY refname`);
    expect(rows.map((r) => r.refname)).toEqual(['refs/heads/develop', 'refs/heads/main', 'refs/tags/v1.0.0', 'refs/tags/v1.1.0']);
    const syncRow = await ws.workspace.db.read.get<{ status: string; snapshot_sha256: string }>(sql`SELECT status, snapshot_sha256 FROM syncs WHERE id = ${result.syncId}`);
    expect(syncRow?.status).toBe('ok');
    expect(syncRow?.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds nothing to do when nothing changed', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    await sync('payments');
    expect(await sync('payments')).toMatchObject({ status: 'ok', refs: { added: 0, updated: 0, forced: 0, deleted: 0, unchanged: 4 }, alarms: [] });
  });

  it('keeps and alarms on a forced branch, a moved tag and a deleted branch', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    await sync('payments');
    const mirror = await mirrorOf('payments');
    const before = await refsOf(mirror);

    await commitFiles(vendor, { 'src/extra.go': 'package main\n' }, 'fast-forward on main');
    await git(vendor, 'checkout', '-q', 'develop');
    await git(vendor, 'reset', '-q', '--hard', 'v1.0.0');
    await commitFiles(vendor, { 'src/rewrite.go': 'package main\n' }, 'rewritten develop');
    await git(vendor, 'checkout', '-q', 'main');
    await git(vendor, 'tag', '-f', '-a', 'v1.0.0', '-m', 'moved!', 'HEAD');
    await git(vendor, 'branch', '-q', 'feature');
    const result = await sync('payments');

    expect(result.refs).toEqual({ added: 1, updated: 1, forced: 2, deleted: 0, unchanged: 1 });
    expect(result.alarms.map((a) => [a.refname, a.kind, a.severity])).toEqual([
      ['refs/heads/develop', 'forced', 'medium'],
      ['refs/tags/v1.0.0', 'forced', 'high'],
    ]);
    const after = await refsOf(mirror);
    for (const alarm of result.alarms) {
      expect(alarm.preservedRef).toBe(`refs/escrow/preserved/${result.syncId}/${alarm.refname}`);
      expect(after.get(alarm.preservedRef)).toBe(before.get(alarm.refname));
      expect(after.get(alarm.refname)).toBe(alarm.newTarget);
    }

    await git(vendor, 'branch', '-q', '-D', 'feature');
    const deletion = await sync('payments');
    expect(deletion.alarms).toEqual([
      expect.objectContaining({ refname: 'refs/heads/feature', kind: 'deleted', severity: 'medium', newTarget: null }),
    ]);
    const final = await refsOf(mirror);
    expect(final.has('refs/heads/feature')).toBe(false);
    expect(final.get(deletion.alarms[0]!.preservedRef)).toBe(after.get('refs/heads/feature'));
    const stored = await ws.workspace.db.read.all<{ refname: string; kind: string }>(sql`SELECT refname, kind FROM integrity_alarms ORDER BY id`);
    expect(stored).toEqual([
      { refname: 'refs/heads/develop', kind: 'forced' },
      { refname: 'refs/tags/v1.0.0', kind: 'forced' },
      { refname: 'refs/heads/feature', kind: 'deleted' },
    ]);
  });

  it('never mirrors the vendor’s own refs/escrow/ namespace', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await git(vendor, 'update-ref', 'refs/escrow/preserved/1/refs/heads/main', 'HEAD');
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    const result = await sync('payments');
    expect(result.refs.added).toBe(4);
    expect([...(await refsOf(await mirrorOf('payments'))).keys()].filter((r) => r.startsWith('refs/escrow/'))).toEqual([]);
  });

  it('mirrors thousands of refs with the same count as the source', async () => {
    ws = await createTestWorkspace();
    const vendor = await repositoryWithManyRefs(path.join(await tempDir('ew-many-'), 'many'), 3000);
    await call(ws.dispatcher, 'component.add', { name: 'many', source: `file://${vendor}` });
    const result = await sync('many');
    expect(result.refs.added).toBe(3001);
    const source = await refsOf(path.join(vendor, '.git'));
    expect((await refsOf(await mirrorOf('many'), { excludeEscrow: true })).size).toBe(source.size);
    const listed = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ refCount: number }> };
    expect(listed.components[0]!.refCount).toBe(3001);
  });

  it('reports an unreachable source per component and keeps the others going', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'good', source: vendor });
    const doomed = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'doomed', source: doomed });
    const { promises: fs } = await import('node:fs');
    await fs.rm(doomed, { recursive: true, force: true });
    const result = (await call(ws.dispatcher, 'sync.run', {})) as { components: ComponentSyncResult[] };
    const byName = Object.fromEntries(result.components.map((c) => [c.name, c]));
    expect(byName['good']!.status).toBe('ok');
    expect(byName['doomed']!.status).toBe('failed');
    expect(byName['doomed']!.error?.code).toBe('NOT_FOUND');
    const listed = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ name: string; lastSync: { status: string } | null }> };
    expect(listed.components.find((c) => c.name === 'doomed')!.lastSync!.status).toBe('failed');
  });

  it('finishes a sync that was killed after recording its plan, so no alarm is lost', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    await sync('payments');
    const row = await ws.core.components.require('payments');
    const mirror = ws.workspace.paths.mirror(row.id);
    const oldDevelop = (await refsOf(mirror)).get('refs/heads/develop')!;
    const newTarget = (await refsOf(mirror)).get('refs/heads/main')!;
    // Simulate a process killed right after recording the plan of sync 99 and moving only some refs.
    await ws.workspace.db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO syncs (id, component_id, status, started_at) VALUES (99, ${row.id}, 'applying', 'then')`);
      await tx.run(sql`INSERT INTO ref_changes (sync_id, refname, kind, old_target, new_target, preserved_ref)
        VALUES (99, 'refs/heads/develop', 'forced', ${oldDevelop}, ${newTarget}, 'refs/escrow/preserved/99/refs/heads/develop')`);
    });
    await git(mirror, 'update-ref', 'refs/heads/develop', newTarget, oldDevelop);
    const { promises: fs } = await import('node:fs');
    await fs.writeFile(path.join(mirror, 'packed-refs.lock'), '');

    await ws.core.sync.recoverInterrupted(row);
    const refs = await refsOf(mirror);
    expect(refs.get('refs/escrow/preserved/99/refs/heads/develop')).toBe(oldDevelop);
    const recovered = await ws.workspace.db.read.get<{ status: string }>(sql`SELECT status FROM syncs WHERE id = 99`);
    expect(recovered?.status).toBe('ok');
    const alarm = await ws.workspace.db.read.get<{ refname: string; severity: string }>(sql`SELECT refname, severity FROM integrity_alarms WHERE sync_id = 99`);
    expect(alarm).toEqual({ refname: 'refs/heads/develop', severity: 'medium' });
    await expect(fs.stat(path.join(mirror, 'packed-refs.lock'))).rejects.toThrow();
  });

  it('marks a sync killed before any ref moved as interrupted, and the next one completes', async () => {
    ws = await createTestWorkspace();
    const vendor = await vendorRepository();
    await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
    const row = await ws.core.components.require('payments');
    await ws.workspace.db.transaction((tx) => tx.run(sql`INSERT INTO syncs (id, component_id, status, started_at) VALUES (7, ${row.id}, 'running', 'then')`));
    const result = await sync('payments');
    expect(result.status).toBe('ok');
    const statuses = await ws.workspace.db.read.all<{ id: number; status: string }>(sql`SELECT id, status FROM syncs ORDER BY id`);
    expect(statuses).toEqual([{ id: 7, status: 'interrupted' }, { id: result.syncId, status: 'ok' }]);
  });

  it('can be cancelled through its operation id', async () => {
    ws = await createTestWorkspace();
    const vendor = await repositoryWithManyRefs(path.join(await tempDir('ew-many-'), 'many'), 200);
    await call(ws.dispatcher, 'component.add', { name: 'many', source: vendor });
    const running = ws.dispatcher.invoke('sync.run', { operationId: 'op-cancel-test' });
    const cancelled = await ws.dispatcher.invoke('operation.cancel', { operationId: 'op-cancel-test' });
    expect(cancelled).toEqual({ ok: true, result: { cancelled: true } });
    const outcome = await running;
    expect(outcome.ok).toBe(true);
    const result = (outcome as { result: { components: ComponentSyncResult[] } }).result.components[0]!;
    expect(result.status).toBe('cancelled');
    expect(result.error?.code).toBe('CANCELLED');
    // Cancelled before its first copy was placed: no mirror, and no half-made copy left beside it.
    const mirror = await mirrorOf('many');
    const { promises: fs } = await import('node:fs');
    await expect(fs.stat(mirror)).rejects.toThrow();
    expect((await fs.readdir(path.dirname(mirror))).filter((e) => e.startsWith(path.basename(mirror)))).toEqual([]);
    expect((await sync('many')).status).toBe('ok');
  });
});
