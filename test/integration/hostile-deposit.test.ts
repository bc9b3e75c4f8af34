import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReleaseInventory } from '../../shared/contract/deposits.js';
import type { FileContent } from '../../shared/contract/code.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

/**
 * A vendor repository that tries to run code on whoever handles it: hooks, a smudge/clean filter declared
 * in .gitattributes and configured in the repository, an fsmonitor, a submodule pointing at a local
 * repository, and an LFS pointer. Mirroring, pinning, reading and verifying must run none of it and fetch
 * nothing beyond the repository itself.
 */
describe('a hostile vendor repository', () => {
  it('mirrors, pins, reads and verifies without running or fetching anything extra', async () => {
    const root = await tempDir('ew-hostile-');
    const marker = path.join(root, 'PWNED');
    const payload = `sh -c 'echo ran >> ${marker}'`;
    const inner = await initRepository(path.join(root, 'inner'));
    const innerCommit = await commitFiles(inner, { 'secret.txt': 'inner content that must not be fetched\n' }, 'inner');
    const repo = await initRepository(path.join(root, 'vendor'));
    await commitFiles(
      repo,
      {
        '.gitattributes': '* filter=evil diff=evil\n*.bin filter=lfs diff=lfs merge=lfs -text\n',
        'src/app.js': 'console.log("hello");\n',
        'media/big.bin': 'version https://git-lfs.github.com/spec/v1\noid sha256:0123456789012345678901234567890123456789012345678901234567890123\nsize 999999999\n',
        '.gitmodules': `[submodule "inner"]\n\tpath = inner\n\turl = ${inner}\n\tupdate = !${payload}\n`,
      },
      'hostile',
    );
    await git(repo, 'update-index', '--add', '--cacheinfo', `160000,${innerCommit},inner`);
    await git(repo, 'commit', '-q', '-m', 'submodule');
    await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'release');
    await git(repo, 'config', 'filter.evil.smudge', payload);
    await git(repo, 'config', 'filter.evil.clean', payload);
    await git(repo, 'config', 'filter.evil.process', payload);
    await git(repo, 'config', 'diff.evil.textconv', payload);
    await git(repo, 'config', 'core.fsmonitor', payload);
    await git(repo, 'config', 'uploadpack.packObjectsHook', payload);
    for (const hook of ['post-checkout', 'post-merge', 'reference-transaction', 'pre-push', 'post-rewrite', 'fsmonitor-watchman']) {
      await fs.writeFile(path.join(repo, '.git', 'hooks', hook), `#!/bin/sh\n${payload}\n`, { mode: 0o755 });
    }

    ws = await createTestWorkspace();
    await call(ws.dispatcher, 'component.add', { name: 'hostile', source: repo });
    const { components } = (await call(ws.dispatcher, 'sync.run', {})) as { components: Array<{ status: string }> };
    expect(components[0]!.status).toBe('ok');
    await call(ws.dispatcher, 'release.pin', { component: 'hostile', ref: 'v1.0.0' });
    const { inventory } = (await call(ws.dispatcher, 'release.inventory', { component: 'hostile', ref: 'v1.0.0' })) as { inventory: ReleaseInventory };
    const { file } = (await call(ws.dispatcher, 'file.read', { component: 'hostile', ref: 'v1.0.0', path: 'src/app.js' })) as { file: FileContent };
    const verified = (await call(ws.dispatcher, 'deposit.verify', {})) as { components: Array<{ ok: boolean; problems: unknown[] }> };

    expect(file.text).toBe('console.log("hello");\n');
    // fsck itself recognises the .gitmodules made to run a command on `git submodule update`.
    expect(verified.components[0]).toMatchObject({ ok: false, problems: [{ kind: 'unsafe-content', detail: expect.stringContaining('gitmodulesUpdate') }] });
    expect(inventory.submodules).toEqual([{ path: 'inner', url: inner, commit: innerCommit, deposited: false, component: null }]);
    expect(inventory.lfsPointers).toEqual([{ path: 'media/big.bin', oid: '0123456789012345678901234567890123456789012345678901234567890123', size: 999999999 }]);
    const mirror = ws.workspace.paths.mirror((await ws.core.components.require('hostile')).id);
    const innerObject = await ws.workspace.objects.info(mirror, innerCommit);
    expect(innerObject).toBeNull();
    expect(await fs.readdir(path.join(mirror, 'hooks')).catch(() => [])).toEqual([]);
    await expect(fs.stat(marker)).rejects.toThrow();
  });
});
