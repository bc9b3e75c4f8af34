import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../electron/git/cat-file-batch.js';
import { fetchIntoMirror } from '../../electron/git/fetch.js';
import { GitError } from '../../electron/git/git-error.js';
import { initBareMirror } from '../../electron/git/repository-setup.js';
import { runGit } from '../../electron/git/runner.js';
import { parseTreeObject } from '../../electron/git/objects.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

describe('the git runner', () => {
  it('ignores global and system configuration (no url rewrites, aliases or helpers from $HOME)', async () => {
    const home = await tempDir('ew-home-');
    await fs.writeFile(path.join(home, '.gitconfig'), '[alias]\n  evil = !touch /tmp/ew-pwned\n[core]\n  pager = touch /tmp/ew-pwned\n');
    const previous = process.env['HOME'];
    process.env['HOME'] = home;
    try {
      const { stdout } = await runGit(['config', '--list', '--show-origin'], { cwd: home, okExitCodes: [0, 1] });
      expect(stdout.toString()).not.toContain('alias.evil');
      const failure = await runGit(['evil'], { cwd: home }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(GitError);
    } finally {
      process.env['HOME'] = previous;
    }
    await expect(fs.stat('/tmp/ew-pwned')).rejects.toThrow();
  });

  it('has git itself refuse transports outside the allow-list, even if validation were bypassed', async () => {
    const mirror = path.join(await tempDir(), 'm.git');
    await initBareMirror(mirror);
    const marker = path.join(await tempDir(), 'ran');
    const error = await fetchIntoMirror({ gitDir: mirror, source: `ext::sh -c touch\\ ${marker}`, refspecs: ['+refs/*:refs/x/*'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).kind).toBe('protocol-forbidden');
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('runs no hook of the vendor repository and no hook in the mirror', async () => {
    const vendor = await initRepository(path.join(await tempDir(), 'vendor'));
    await commitFiles(vendor, { 'a.txt': 'a\n' }, 'one');
    const marker = path.join(await tempDir(), 'hook-ran');
    for (const hook of ['pre-upload-pack', 'post-upload-pack', 'reference-transaction', 'post-checkout']) {
      const file = path.join(vendor, '.git', 'hooks', hook);
      await fs.writeFile(file, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    }
    const mirror = path.join(await tempDir(), 'm.git');
    await initBareMirror(mirror);
    await fs.mkdir(path.join(mirror, 'hooks'), { recursive: true });
    await fs.writeFile(path.join(mirror, 'hooks', 'reference-transaction'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    await fetchIntoMirror({ gitDir: mirror, source: vendor, refspecs: ['+refs/*:refs/x/*'] });
    const { stdout } = await runGit(['for-each-ref', '--format=%(refname)'], { gitDir: mirror });
    expect(stdout.toString().trim()).toBe('refs/x/heads/main');
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('reports a missing local repository as such', async () => {
    const mirror = path.join(await tempDir(), 'm.git');
    await initBareMirror(mirror);
    const error = await fetchIntoMirror({ gitDir: mirror, source: path.join(await tempDir(), 'nothing'), refspecs: ['+refs/*:refs/x/*'] }).catch((e: unknown) => e);
    expect((error as GitError).kind).toBe('remote-not-found');
  });

  it('writes mirror settings that keep every object and journal every ref move', async () => {
    const mirror = path.join(await tempDir(), 'm.git');
    await initBareMirror(mirror);
    const config = await git(mirror, 'config', '--list', '--local');
    expect(config).toContain('gc.auto=0');
    expect(config).toContain('gc.pruneexpire=never');
    expect(config).toContain('core.logallrefupdates=always');
    expect(config).toContain('core.bare=true');
  });
});

describe('CatFileBatch', () => {
  it('reads blobs and trees through one process, in order, under concurrency', async () => {
    const repo = await initRepository(path.join(await tempDir(), 'r'));
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.txt`] = `content ${i}\n`.repeat(i + 1);
    await commitFiles(repo, files, 'many');
    const gitDir = path.join(repo, '.git');
    const tree = (await git(repo, 'rev-parse', 'HEAD^{tree}')).trim();
    const batch = new CatFileBatch(gitDir);
    const treeObject = await batch.contents(tree);
    const entries = parseTreeObject(treeObject!.data);
    expect(entries).toHaveLength(50);
    const blobs = await Promise.all(entries.map((e) => batch.contents(e.oid)));
    entries.forEach((e, i) => {
      const n = Number(e.name.toString().slice(1, -4));
      expect(blobs[i]!.data.toString()).toBe(`content ${n}\n`.repeat(n + 1));
    });
    batch.close();
  });

  it('answers null for a missing object and refuses anything but an object id', async () => {
    const repo = await initRepository(path.join(await tempDir(), 'r'));
    await commitFiles(repo, { 'a.txt': 'a' }, 'one');
    const batch = new CatFileBatch(path.join(repo, '.git'));
    expect(await batch.info('0'.repeat(40))).toBeNull();
    await expect(batch.contents('HEAD:a.txt')).rejects.toThrow(/not an object id/);
    await expect(batch.contents('HEAD')).rejects.toThrow(/not an object id/);
    const blob = (await git(repo, 'rev-parse', 'HEAD:a.txt')).trim();
    expect((await batch.contents(blob))!.data.toString()).toBe('a');
    batch.close();
  });

  it('reads a large blob exactly', async () => {
    const repo = await initRepository(path.join(await tempDir(), 'r'));
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251;
    await commitFiles(repo, { 'big.bin': big }, 'big');
    const batch = new CatFileBatch(path.join(repo, '.git'));
    const blob = (await git(repo, 'rev-parse', 'HEAD:big.bin')).trim();
    const object = await batch.contents(blob);
    expect(object!.size).toBe(big.length);
    expect(object!.data.equals(big)).toBe(true);
    batch.close();
  });
});
