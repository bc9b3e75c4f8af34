import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmRecord, PinnedRelease, ReleaseInventory } from '../../shared/contract/deposits.js';
import { digestGitTree } from '../../electron/core/digest/git-tree-digest.js';
import { sql } from '../../electron/db/sql.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

async function platform(): Promise<{ library: string; gateway: string; libraryCommit: string }> {
  const root = await tempDir('ew-platform-');
  const library = await initRepository(path.join(root, 'crypto-lib'));
  const libraryCommit = await commitFiles(library, { 'lib.go': 'package crypto\n' }, 'library');
  const gateway = await initRepository(path.join(root, 'gateway'));
  const big = Buffer.alloc(6 * 1024 * 1024, 'a');
  await commitFiles(
    gateway,
    {
      'go.mod': 'module gateway\n\ngo 1.22\n',
      'package.json': '{"name":"ui"}\n',
      'Dockerfile': 'FROM scratch\n',
      'LICENSE': 'MIT\n',
      'cmd/main.go': 'package main\n\nfunc main() {\n}\n',
      'scripts/run.sh': { content: '#!/bin/sh\necho run\n', mode: '100755' },
      'vendor/github.com/x/y/y.go': 'package y\n',
      'node_modules/left-pad/index.js': 'module.exports = 1;\n',
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'data/dump.sql': big,
      'media/video.mp4': LFS,
      'docs/latest': { symlink: 'v1' },
      '.gitmodules': `[submodule "crypto"]\n\tpath = third/crypto\n\turl = ${library}\n[submodule "ghost"]\n\tpath = third/ghost\n\turl = https://git.vendor.example.kz/ghost.git\n`,
    },
    'release',
  );
  await git(gateway, 'update-index', '--add', '--cacheinfo', `160000,${libraryCommit},third/crypto`);
  await git(gateway, 'update-index', '--add', '--cacheinfo', `160000,${'7'.repeat(40)},third/ghost`);
  await git(gateway, 'commit', '-q', '-m', 'submodules');
  await git(gateway, 'tag', '-a', 'v1.0.0', '-m', 'release');
  return { library, gateway, libraryCommit };
}

describe('release.pin and release.inventory', () => {
  it('pins a release with its escrow-tree-v1 digest, once, and describes what it contains', async () => {
    ws = await createTestWorkspace();
    const { library, gateway, libraryCommit } = await platform();
    await call(ws.dispatcher, 'component.add', { name: 'crypto-lib', source: library });
    await call(ws.dispatcher, 'component.add', { name: 'gateway', source: gateway });
    await call(ws.dispatcher, 'sync.run', {});

    const first = (await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' })) as { release: PinnedRelease; created: boolean };
    const tree = (await git(gateway, 'rev-parse', 'v1.0.0^{tree}')).trim();
    expect(first.created).toBe(true);
    expect(first.release).toMatchObject({ component: 'gateway', ref: 'refs/tags/v1.0.0', tree, digest: (await digestGitTree(path.join(gateway, '.git'), tree)).digest, fileCount: 13 });
    const again = (await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' })) as { release: PinnedRelease; created: boolean };
    expect(again).toEqual({ release: first.release, created: false });

    const { inventory } = (await call(ws.dispatcher, 'release.inventory', { component: 'gateway', ref: 'v1.0.0' })) as { inventory: ReleaseInventory };
    expect(inventory.files).toBe(13);
    expect(inventory.buildFiles).toEqual([
      { path: 'Dockerfile', system: 'docker' },
      { path: 'go.mod', system: 'go' },
      { path: 'package.json', system: 'npm' },
    ]);
    expect(inventory.licenceFiles).toEqual(['LICENSE']);
    expect(inventory.vendoredFolders.map((v) => [v.path, v.files])).toEqual([['node_modules', 1], ['vendor', 1]].sort());
    expect(inventory.binaryFiles).toEqual([{ path: 'assets/logo.png', size: 7 }]);
    expect(inventory.largeFiles).toEqual([{ path: 'data/dump.sql', size: 6 * 1024 * 1024 }]);
    expect(inventory.lfsPointers).toEqual([{ path: 'media/video.mp4', oid: '4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393', size: 12345 }]);
    expect(inventory.submodules).toEqual([
      { path: 'third/crypto', url: library, commit: libraryCommit, deposited: true, component: 'crypto-lib' },
      { path: 'third/ghost', url: 'https://git.vendor.example.kz/ghost.git', commit: '7'.repeat(40), deposited: false, component: null },
    ]);
    expect(inventory.symlinks).toBe(1);
    expect(inventory.executables).toBe(1);
    expect(inventory.languages.find((l) => l.language === 'go')).toEqual({ language: 'go', files: 2, lines: 5, bytes: 40 });
  });

  it('keeps a pin bound to its commit when the tag later moves, and pins the new commit beside it', async () => {
    ws = await createTestWorkspace();
    const { gateway } = await platform();
    await call(ws.dispatcher, 'component.add', { name: 'gateway', source: gateway });
    await call(ws.dispatcher, 'sync.run', {});
    const before = ((await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' })) as { release: PinnedRelease }).release;
    await commitFiles(gateway, { 'cmd/main.go': 'package main\n// changed after approval\n' }, 'sneaky');
    await git(gateway, 'tag', '-f', '-a', 'v1.0.0', '-m', 'moved');
    await call(ws.dispatcher, 'sync.run', {});
    const after = ((await call(ws.dispatcher, 'release.pin', { component: 'gateway', ref: 'v1.0.0' })) as { release: PinnedRelease }).release;
    expect(after.id).not.toBe(before.id);
    expect(after.digest).not.toBe(before.digest);
    const overview = (await call(ws.dispatcher, 'deposit.overview', { component: 'gateway' })) as { releases: PinnedRelease[]; alarms: AlarmRecord[] };
    expect(overview.releases.map((r) => r.commit)).toEqual([after.commit, before.commit]);
    expect(overview.alarms).toEqual([expect.objectContaining({ refname: 'refs/tags/v1.0.0', kind: 'forced', severity: 'high' })]);
  });

  it('refuses to pin a ref that does not exist and to show an inventory never computed', async () => {
    ws = await createTestWorkspace();
    const { gateway } = await platform();
    await call(ws.dispatcher, 'component.add', { name: 'gateway', source: gateway });
    await call(ws.dispatcher, 'sync.run', {});
    expect(await ws.dispatcher.invoke('release.pin', { component: 'gateway', ref: 'v9' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ws.dispatcher.invoke('release.inventory', { component: 'gateway', ref: 'v1.0.0' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('integrity alarms', () => {
  it('are acknowledged with a comment beside the alarm, never deleted, and counted while open', async () => {
    ws = await createTestWorkspace();
    const { gateway } = await platform();
    await call(ws.dispatcher, 'component.add', { name: 'gateway', source: gateway });
    await call(ws.dispatcher, 'sync.run', {});
    await git(gateway, 'tag', '-d', 'v1.0.0');
    await call(ws.dispatcher, 'sync.run', {});
    const { alarms } = (await call(ws.dispatcher, 'alarm.list', { open: true })) as { alarms: AlarmRecord[] };
    expect(alarms).toEqual([expect.objectContaining({ component: 'gateway', refname: 'refs/tags/v1.0.0', kind: 'deleted', severity: 'high', acknowledgements: [] })]);
    let list = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ openAlarms: number }> };
    expect(list.components[0]!.openAlarms).toBe(1);

    expect(await ws.dispatcher.invoke('alarm.acknowledge', { alarmId: alarms[0]!.id, comment: '   ' }, { actor: 'admin' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.dispatcher.invoke('alarm.acknowledge', { alarmId: 999, comment: 'x' }, { actor: 'admin' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { alarm } = (await call(ws.dispatcher, 'alarm.acknowledge', { alarmId: alarms[0]!.id, comment: 'Vendor deleted the tag by mistake; v1.0.0 is preserved.' }, 'admin')) as { alarm: AlarmRecord };
    expect(alarm.acknowledgements).toEqual([{ comment: 'Vendor deleted the tag by mistake; v1.0.0 is preserved.', by: 'admin', at: expect.any(String) }]);
    expect(((await call(ws.dispatcher, 'alarm.list', { open: true })) as { alarms: AlarmRecord[] }).alarms).toEqual([]);
    expect(((await call(ws.dispatcher, 'alarm.list', {})) as { alarms: AlarmRecord[] }).alarms).toHaveLength(1);
    list = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ openAlarms: number }> };
    expect(list.components[0]!.openAlarms).toBe(0);
    expect((await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM integrity_alarms`))!.n).toBe(1);
  });
});
