import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentSyncResult } from '../../shared/contract/components.js';
import type { ComponentVerification } from '../../shared/contract/deposits.js';
import { sql } from '../../electron/db/sql.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository, refsOf } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

async function mirroredVendor(): Promise<{ repo: string; mirror: string }> {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir('ew-vendor-'), 'vendor'));
  for (let i = 0; i < 5; i++) await commitFiles(repo, { [`src/file${i}.go`]: `package main\n// ${i}\n${'x'.repeat(2000 * (i + 1))}\n` }, `commit ${i}`);
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'release');
  await git(repo, 'branch', 'develop', 'HEAD~2');
  await call(ws.dispatcher, 'component.add', { name: 'gateway', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  return { repo, mirror: ws.workspace.paths.mirror((await ws.core.components.require('gateway')).id) };
}

async function verify(): Promise<ComponentVerification> {
  ws.workspace.objects.close(); // Readers from before a corruption would answer from their own cache.
  return ((await call(ws.dispatcher, 'deposit.verify', {})) as { components: ComponentVerification[] }).components[0]!;
}

const kinds = (result: ComponentVerification) => [...new Set(result.problems.map((p) => p.kind))].sort();

describe('deposit.verify', () => {
  it('finds a clean mirror complete and records the result', async () => {
    await mirroredVendor();
    await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' });
    const result = await verify();
    expect(result).toMatchObject({ name: 'gateway', ok: true, problems: [] });
    const listed = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ verified: { ok: boolean } | null }> };
    expect(listed.components[0]!.verified).toMatchObject({ ok: true });
  });

  it('never calls a component that was never mirrored complete', async () => {
    ws = await createTestWorkspace();
    const repo = await initRepository(path.join(await tempDir(), 'r'));
    await call(ws.dispatcher, 'component.add', { name: 'empty', source: repo });
    expect(await verify()).toMatchObject({ ok: false, problems: [{ kind: 'never-mirrored' }] });
  });

  it('reports a truncated pack, and a later sync neither hides nor worsens it', async () => {
    const { repo, mirror } = await mirroredVendor();
    const pack = (await fs.readdir(path.join(mirror, 'objects', 'pack'))).find((f) => f.endsWith('.pack'))!;
    const file = path.join(mirror, 'objects', 'pack', pack);
    const size = (await fs.stat(file)).size;
    await fs.chmod(file, 0o644);
    await fs.truncate(file, Math.floor(size / 2));
    const first = await verify();
    expect(first.ok).toBe(false);
    expect(kinds(first).some((k) => k === 'pack-corrupt' || k === 'object-corrupt' || k === 'object-missing' || k === 'fsck-failed')).toBe(true);

    await commitFiles(repo, { 'src/new.go': 'package main\n' }, 'after the damage');
    const sync = ((await call(ws.dispatcher, 'sync.run', {})) as { components: ComponentSyncResult[] }).components[0]!;
    expect(sync).toMatchObject({ status: 'failed', error: { code: 'INTEGRITY' } });
    expect((await fs.stat(file)).size).toBe(Math.floor(size / 2));
    expect((await verify()).ok).toBe(false);
  });

  it('names a deleted object by its id', async () => {
    const { mirror } = await mirroredVendor();
    // Spread the pack into loose objects so one of them can be removed.
    const packDir = path.join(mirror, 'objects', 'pack');
    const pack = (await fs.readdir(packDir)).find((f) => f.endsWith('.pack'))!;
    const data = await fs.readFile(path.join(packDir, pack));
    for (const f of await fs.readdir(packDir)) await fs.rm(path.join(packDir, f), { force: true });
    const { spawn } = await import('node:child_process');
    await new Promise<void>((resolve, reject) => {
      const child = spawn('git', ['--git-dir', mirror, 'unpack-objects', '-q'], { stdio: ['pipe', 'ignore', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`unpack-objects ${code}`))));
      child.stdin.end(data);
    });
    const blob = (await git(mirror, 'rev-parse', 'refs/heads/develop:src/file1.go')).trim();
    await fs.rm(path.join(mirror, 'objects', blob.slice(0, 2), blob.slice(2)));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.detail.includes(blob))).toBe(true);
    expect(kinds(result)).toContain('object-missing');
  });

  it('catches refs edited outside the app and preserved history removed', async () => {
    const { repo, mirror } = await mirroredVendor();
    await git(repo, 'checkout', '-q', 'develop');
    await commitFiles(repo, { 'rewrite.go': 'package main\n' }, 'rewrite');
    await git(repo, 'reset', '-q', '--hard', 'HEAD~2');
    await git(repo, 'checkout', '-q', 'main');
    const forced = ((await call(ws.dispatcher, 'sync.run', {})) as { components: ComponentSyncResult[] }).components[0]!;
    expect(forced.alarms.length).toBeGreaterThan(0);
    const refs = await refsOf(mirror);
    await git(mirror, 'update-ref', 'refs/heads/main', refs.get('refs/heads/develop')!);
    await git(mirror, 'update-ref', 'refs/heads/smuggled', refs.get('refs/heads/develop')!);
    await git(mirror, 'update-ref', '-d', 'refs/tags/v1.0.0');
    await git(mirror, 'update-ref', '-d', forced.alarms[0]!.preservedRef);
    const result = await verify();
    expect(kinds(result)).toEqual(['preserved-missing', 'ref-mismatch', 'ref-missing', 'ref-unrecorded']);
    expect(result.problems.find((p) => p.kind === 'ref-unrecorded')!.detail).toContain('refs/heads/smuggled');
  });

  it('recomputes every pinned release digest and reports a mismatch', async () => {
    await mirroredVendor();
    await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' });
    await ws.workspace.db.transaction((tx) => tx.run(sql`UPDATE releases SET digest = ${`sha256:${'0'.repeat(64)}`}`));
    const result = await verify();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'release-digest-mismatch' })]);
    expect(result.problems[0]!.detail).toContain(`recorded sha256:${'0'.repeat(64)}`);
  });

  it('exits 3 from the command line and lists each problem', async () => {
    const { mirror } = await mirroredVendor();
    await git(mirror, 'update-ref', 'refs/heads/smuggled', 'refs/heads/main');
    const root = ws.root;
    await ws.close();
    const run = await runCliProcess(['--workspace', root, '--json', 'verify']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ components: [{ name: 'gateway', ok: false, problems: [{ kind: 'ref-unrecorded' }] }] });
    const human = await runCliProcess(['--workspace', root, 'verify', 'gateway']);
    expect(human.stdout).toContain('gateway: 1 problem');
    expect(human.stdout).toContain('ref not in the recorded snapshot: refs/heads/smuggled');
    ws = await createTestWorkspace();
  });
});
