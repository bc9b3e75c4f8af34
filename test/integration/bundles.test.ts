import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComponentSyncResult } from '../../shared/contract/components.js';
import type { PinnedRelease } from '../../shared/contract/deposits.js';
import { sql } from '../../electron/db/sql.js';
import { commitFiles, git, initRepository, refsOf } from '../helpers/git-fixtures.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

const open: TestWorkspace[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

async function workspace(): Promise<TestWorkspace> {
  const ws = await createTestWorkspace();
  open.push(ws);
  return ws;
}

async function vendor(): Promise<string> {
  const repo = await initRepository(path.join(await tempDir('ew-vendor-'), 'vendor'));
  await commitFiles(repo, { 'README.md': '# archive\n', 'cmd/archive/main.go': 'package main\n' }, 'initial');
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'first release');
  await git(repo, 'branch', 'release/1.x');
  return repo;
}

async function bundle(repo: string, name: string, ...revisions: string[]): Promise<string> {
  const file = path.join(await tempDir('ew-usb-'), name);
  await git(repo, 'bundle', 'create', '-q', file, ...revisions);
  return file;
}

interface ImportOutcome {
  bundle?: { refs: number; sha256: string; prerequisites: string[] };
  sync?: ComponentSyncResult;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

async function importBundle(ws: TestWorkspace, component: string, file: string): Promise<ImportOutcome> {
  const outcome = await ws.dispatcher.invoke('bundle.import', { component, file });
  return outcome.ok ? (outcome.result as ImportOutcome) : { error: outcome.error };
}

const mirrorOf = async (ws: TestWorkspace, name: string) => ws.workspace.paths.mirror((await ws.core.components.require(name)).id);
const componentCount = async (ws: TestWorkspace) => (await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM components`))!.n;

describe('importing bundles carried in on removable media', () => {
  it('registers a component from a full bundle with every ref of the source', async () => {
    const repo = await vendor();
    const file = await bundle(repo, 'archive-full.bundle', '--all');
    const ws = await workspace();
    const result = await importBundle(ws, 'archive', file);
    expect(result).toMatchObject({ bundle: { refs: 3, prerequisites: [] }, sync: { status: 'ok', refs: { added: 3 } } });
    expect(await refsOf(await mirrorOf(ws, 'archive'), { excludeEscrow: true })).toEqual(await refsOf(path.join(repo, '.git')));
    const listed = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ sourceKind: string; source: string }> };
    expect(listed.components[0]).toMatchObject({ sourceKind: 'bundle', source: file });
    const recorded = await ws.workspace.db.read.get<{ file_name: string; sha256: string }>(sql`SELECT file_name, sha256 FROM bundle_imports`);
    expect(recorded).toEqual({ file_name: 'archive-full.bundle', sha256: (result as { bundle: { sha256: string } }).bundle.sha256 });
  });

  it('applies an incremental bundle and keeps the refs it does not mention', async () => {
    const repo = await vendor();
    const ws = await workspace();
    await importBundle(ws, 'archive', await bundle(repo, 'full.bundle', '--all'));
    const before = await commitFiles(repo, { 'cmd/archive/main.go': 'package main\n\nfunc main() {}\n' }, 'second');
    await git(repo, 'tag', '-a', 'v1.1.0', '-m', 'second release');
    const incremental = await bundle(repo, 'inc.bundle', 'main', 'v1.1.0', '^v1.0.0');
    const result = await importBundle(ws, 'archive', incremental);
    expect(result).toMatchObject({ bundle: { refs: 2, prerequisites: [expect.stringMatching(/^[0-9a-f]{40}$/)] }, sync: { status: 'ok', refs: { added: 1, updated: 1, deleted: 0 } } });
    const mirror = await refsOf(await mirrorOf(ws, 'archive'), { excludeEscrow: true });
    expect(mirror.get('refs/heads/main')).toBe(before);
    expect(mirror.has('refs/heads/release/1.x')).toBe(true);
    expect(mirror).toEqual(await refsOf(path.join(repo, '.git')));
  });

  it('refuses a bundle whose prerequisites are not deposited, naming them, and registers nothing', async () => {
    const repo = await vendor();
    const base = (await git(repo, 'rev-parse', 'v1.0.0^{commit}')).trim();
    await commitFiles(repo, { 'NEW.md': 'new\n' }, 'later');
    const incremental = await bundle(repo, 'inc.bundle', 'main', `^${base}`);
    const ws = await workspace();
    const result = await importBundle(ws, 'archive', incremental);
    expect(result).toMatchObject({ error: { code: 'INVALID_INPUT', details: { missing: [base] } } });
    expect((result as { error: { message: string } }).error.message).toContain(base);
    expect(await componentCount(ws)).toBe(0);
  });

  it('refuses a truncated bundle, a file that is not a bundle and a filtered bundle, changing nothing', async () => {
    const repo = await vendor();
    const ws = await workspace();
    await importBundle(ws, 'archive', await bundle(repo, 'full.bundle', '--all'));
    const mirrorBefore = await refsOf(await mirrorOf(ws, 'archive'));
    await commitFiles(repo, { 'x.txt': 'x'.repeat(50_000) }, 'big');
    const full = await bundle(repo, 'next.bundle', '--all');
    const truncated = path.join(path.dirname(full), 'truncated.bundle');
    const bytes = await fs.readFile(full);
    await fs.writeFile(truncated, bytes.subarray(0, bytes.length - 200));
    expect(await importBundle(ws, 'archive', truncated)).toMatchObject({ error: { code: 'INTEGRITY' } });
    const notBundle = path.join(path.dirname(full), 'notes.txt');
    await fs.writeFile(notBundle, 'meeting notes\n');
    expect(await importBundle(ws, 'archive', notBundle)).toMatchObject({ error: { code: 'INVALID_INPUT', message: `${notBundle} is not a git bundle.` } });
    const filtered = path.join(path.dirname(full), 'filtered.bundle');
    await fs.writeFile(filtered, `# v3 git bundle\n@object-format=sha1\n@filter=blob:none\n${'a'.repeat(40)} refs/heads/main\n\nPACK`);
    expect(await importBundle(ws, 'archive', filtered)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await importBundle(ws, 'archive', path.join(path.dirname(full), 'missing.bundle'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await refsOf(await mirrorOf(ws, 'archive'))).toEqual(mirrorBefore);
  });

  it('leaves no component behind when the first bundle for it turns out damaged', async () => {
    const repo = await vendor();
    await commitFiles(repo, { 'x.txt': 'x'.repeat(50_000) }, 'big');
    const full = await bundle(repo, 'full.bundle', '--all');
    const truncated = path.join(path.dirname(full), 'truncated.bundle');
    const bytes = await fs.readFile(full);
    await fs.writeFile(truncated, bytes.subarray(0, bytes.length - 200));
    const ws = await workspace();
    expect(await importBundle(ws, 'archive', truncated)).toMatchObject({ error: { code: 'INTEGRITY' } });
    expect(await componentCount(ws)).toBe(0);
    expect((await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM syncs`))!.n).toBe(0);
    expect((await importBundle(ws, 'archive', full)).sync).toMatchObject({ status: 'ok' });
  });

  it('tells a bundle-fed component to import its next bundle instead of syncing', async () => {
    const repo = await vendor();
    const ws = await workspace();
    await importBundle(ws, 'archive', await bundle(repo, 'full.bundle', '--all'));
    const { components } = (await call(ws.dispatcher, 'sync.run', {})) as { components: ComponentSyncResult[] };
    expect(components[0]).toMatchObject({ status: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(components[0]!.error!.message).toContain('component import-bundle archive FILE');
  });
});

describe('carrying a deposit onwards', () => {
  it('exports all of a mirror, then what changed since a sync, and the receiver ends with identical refs and digests', async () => {
    const repo = await vendor();
    const sender = await workspace();
    await call(sender.dispatcher, 'component.add', { name: 'archive', source: repo });
    const first = ((await call(sender.dispatcher, 'sync.run', {})) as { components: ComponentSyncResult[] }).components[0]!;
    const usb = await tempDir('ew-usb-');
    const full = (await call(sender.dispatcher, 'bundle.export', { component: 'archive', file: path.join(usb, 'archive-1.bundle') })) as { bundle: { refs: number; prerequisites: string[] } };
    expect(full.bundle).toMatchObject({ refs: 3, prerequisites: [] });

    await commitFiles(repo, { 'cmd/archive/export.go': 'package main\n' }, 'export');
    await git(repo, 'tag', '-a', 'v1.1.0', '-m', 'second');
    await call(sender.dispatcher, 'sync.run', {});
    const delta = (await call(sender.dispatcher, 'bundle.export', { component: 'archive', file: path.join(usb, 'archive-2.bundle'), sinceSync: first.syncId })) as { bundle: { refs: number; prerequisites: string[] } };
    expect(delta.bundle.refs).toBe(2);
    expect(delta.bundle.prerequisites.length).toBeGreaterThan(0);
    expect(await sender.dispatcher.invoke('bundle.export', { component: 'archive', file: path.join(usb, 'archive-2.bundle') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const receiver = await workspace();
    expect((await importBundle(receiver, 'archive', path.join(usb, 'archive-1.bundle'))).sync).toMatchObject({ status: 'ok' });
    expect((await importBundle(receiver, 'archive', path.join(usb, 'archive-2.bundle'))).sync).toMatchObject({ status: 'ok', refs: { added: 1, updated: 1 } });
    expect(await refsOf(await mirrorOf(receiver, 'archive'), { excludeEscrow: true })).toEqual(await refsOf(await mirrorOf(sender, 'archive'), { excludeEscrow: true }));
    const pinSender = ((await call(sender.dispatcher, 'release.pin', { component: 'archive', ref: 'v1.1.0' })) as { release: PinnedRelease }).release;
    const pinReceiver = ((await call(receiver.dispatcher, 'release.pin', { component: 'archive', ref: 'v1.1.0' })) as { release: PinnedRelease }).release;
    expect(pinReceiver.digest).toBe(pinSender.digest);
    expect(pinReceiver.commit).toBe(pinSender.commit);
  });

  it('works from the command line, with --since checked', async () => {
    const repo = await vendor();
    const ws = path.join(await tempDir('ew-cli-'), 'ws');
    await runCliProcess(['--workspace', ws, 'init']);
    await runCliProcess(['--workspace', ws, 'component', 'add', 'archive', repo]);
    await runCliProcess(['--workspace', ws, 'sync']);
    const file = path.join(await tempDir('ew-usb-'), 'a.bundle');
    const exported = await runCliProcess(['--workspace', ws, '--json', 'component', 'export-bundle', 'archive', file]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ bundle: { file, refs: 3 } });
    expect((await runCliProcess(['--workspace', ws, 'component', 'export-bundle', 'archive', `${file}2`, '--since', 'zero'])).code).toBe(1);
    const other = path.join(await tempDir('ew-cli-'), 'ws2');
    await runCliProcess(['--workspace', other, 'init']);
    const imported = await runCliProcess(['--workspace', other, 'component', 'import-bundle', 'archive', file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported a bundle of 3 refs into archive');
  });
});
