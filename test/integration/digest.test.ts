import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestArchive } from '../../electron/core/digest/archive-digest.js';
import type { DigestedFile, TreeDigest } from '../../electron/core/digest/digested-file.js';
import { digestDirectory } from '../../electron/core/digest/directory-digest.js';
import { digestGitTree } from '../../electron/core/digest/git-tree-digest.js';
import { commitFiles, git, initRepository, stageRawPath } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const NOT_UTF8 = Buffer.from([0xd1, 0xef, 0xf0, 0xe0, 0xe2, 0xea, 0xe0, 0x2e, 0x74, 0x78, 0x74]); // "Справка.txt" in windows-1251
const BIG = 33 * 1024 * 1024; // above the 32 MiB in-memory limit: streamed everywhere
const LONG_NAME = `${'long-name-'.repeat(12)}.txt`; // 124 bytes: needs a pax header in a tar
const DEEP_PATH = `${'deep/'.repeat(25)}file.txt`; // 133 bytes: fits ustar prefix + name

let repo: string;
let gitDir: string;
let tree: string;
let fromGit: TreeDigest;

async function archiveOf(format: 'tar' | 'tar.gz', ...extra: string[]): Promise<string> {
  const file = path.join(await tempDir('ew-digest-archive-'), `release.${format}`);
  await git(repo, 'archive', `--format=${format}`, ...extra, '-o', file, tree);
  return file;
}

async function extract(archive: string): Promise<string> {
  const dir = await tempDir('ew-digest-extracted-');
  await run('tar', ['-xf', archive, '-C', dir]);
  return dir;
}

const summary = (files: DigestedFile[]) => files.map((f) => [Buffer.from(f.pathBytes).toString('hex'), f.mode, f.size, f.sha256]);

beforeAll(async () => {
  repo = await initRepository(path.join(await tempDir(), 'vendor'));
  gitDir = path.join(repo, '.git');
  await commitFiles(
    repo,
    {
      'README.md': '# vendor\n',
      'bin/run.sh': { content: '#!/bin/sh\necho run\n', mode: '100755' },
      'empty.txt': '',
      'src/deep/nested/module.ts': 'export const x = 1;\n',
      'copies/one.txt': 'the same content\n',
      'copies/two.txt': 'the same content\n',
      'with space.txt': 'space\n',
      'new\nline.txt': 'newline\n',
      '<img src=x onerror=alert(1)>.js': 'alert(1);\n',
      'Документация/Описание.md': 'кириллица\n',
      '-leading-dash': 'dash\n',
      'B-upper.txt': 'upper\n',
      'a-lower.txt': 'lower\n',
      [LONG_NAME]: 'long\n',
      [DEEP_PATH]: 'deep\n',
      'links/readme': { symlink: '../README.md' },
      'links/outside': { symlink: '../../etc/passwd' },
      'links/long-target': { symlink: `${'../'.repeat(40)}target` },
      'big.bin': Buffer.alloc(BIG, 'escrow '),
    },
    'release',
  );
  const blob = (await git(repo, 'rev-parse', 'HEAD:README.md')).trim();
  await stageRawPath(repo, Buffer.concat([Buffer.from('legacy/'), NOT_UTF8]), blob);
  await git(repo, 'commit', '-q', '-m', 'legacy name');
  tree = (await git(repo, 'rev-parse', 'HEAD^{tree}')).trim();
  fromGit = await digestGitTree(gitDir, tree);
}, 120_000);

describe('escrow-tree-v1 from git, archives and folders', () => {
  it('gives one digest for the git tree, its tar and tar.gz archives and the extracted folder', async () => {
    const tar = await archiveOf('tar');
    const digests = await Promise.all([
      digestArchive(tar),
      digestArchive(await archiveOf('tar.gz')),
      digestArchive(await archiveOf('tar.gz', '--prefix=pkg/'), { stripComponents: 1 }),
      digestArchive(await archiveOf('tar', '--prefix=pkg/'), { stripComponents: 1 }),
      digestDirectory(await extract(tar)),
    ]);
    expect(fromGit.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const other of digests) {
      expect(other.digest).toBe(fromGit.digest);
      expect(summary(other.files)).toEqual(summary(fromGit.files));
    }
    // Without stripping, the prefix is part of every path.
    expect((await digestArchive(await archiveOf('tar', '--prefix=pkg/'))).digest).not.toBe(fromGit.digest);
  });

  it('records modes, content hashes, symlink targets and raw path bytes', () => {
    const byPath = new Map(fromGit.files.map((f) => [f.path, f]));
    expect(byPath.get('bin/run.sh')).toMatchObject({ mode: '100755', sha256: sha256('#!/bin/sh\necho run\n') });
    expect(byPath.get('empty.txt')).toMatchObject({ mode: '100644', size: 0, sha256: sha256('') });
    expect(byPath.get('links/outside')).toMatchObject({ mode: '120000', size: 16, sha256: sha256('../../etc/passwd') });
    expect(byPath.get('big.bin')).toMatchObject({ size: BIG, sha256: sha256(Buffer.alloc(BIG, 'escrow ')) });
    expect(byPath.get('copies/one.txt')!.sha256).toBe(byPath.get('copies/two.txt')!.sha256);
    const legacy = fromGit.files.find((f) => f.path.startsWith('legacy/'))!;
    expect(Buffer.from(legacy.pathBytes).equals(Buffer.concat([Buffer.from('legacy/'), NOT_UTF8]))).toBe(true);
    expect(legacy.path).toContain('\udcd1'); // shown escaped, as path-bytes.ts decodes
    const order = fromGit.files.map((f) => Buffer.from(f.pathBytes));
    expect(order).toEqual([...order].sort(Buffer.compare));
    expect(order.findIndex((p) => p.toString() === 'B-upper.txt')).toBeLessThan(order.findIndex((p) => p.toString() === 'a-lower.txt'));
    expect(order.at(-1)!.toString()).toBe('Документация/Описание.md');
  });

  it('reads each distinct blob once, shows it to inspect unless it is big, and reports progress', async () => {
    const inspected: string[] = [];
    let last: [number, number] = [0, 0];
    const result = await digestGitTree(gitDir, tree, { inspect: (file, content) => inspected.push(`${file.oid}:${content.length}`), onProgress: (done, total) => (last = [done, total]) });
    expect(result.digest).toBe(fromGit.digest);
    const distinct = new Map(fromGit.files.map((f) => [f.oid, f.size]));
    expect(inspected.sort()).toEqual([...distinct].filter(([, size]) => size <= 32 * 1024 * 1024).map(([oid, size]) => `${oid}:${size}`).sort());
    const total = [...distinct.values()].reduce((a, b) => a + b, 0);
    expect(last).toEqual([total, total]);
  });

  it('skips .git entries in a folder, and refuses a FIFO', async () => {
    const dir = await extract(await archiveOf('tar'));
    await fs.mkdir(path.join(dir, '.git', 'objects'), { recursive: true });
    await fs.writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await fs.writeFile(path.join(dir, 'src', '.git'), 'gitdir: ../elsewhere\n');
    expect((await digestDirectory(dir)).digest).toBe(fromGit.digest);
    await run('mkfifo', [path.join(dir, 'src', 'pipe')]);
    await expect(digestDirectory(dir)).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'error.digest.specialFile' });
    await expect(digestDirectory(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(digestDirectory(path.join(dir, 'README.md'))).rejects.toMatchObject({ messageKey: 'error.digest.notADirectory' });
  });

  it('can be cancelled, and names a missing tree', async () => {
    const controller = new AbortController();
    const digesting = digestGitTree(gitDir, tree, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(digesting).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(digestGitTree(gitDir, 'f'.repeat(40))).rejects.toMatchObject({ code: 'NOT_FOUND', messageKey: 'error.digest.treeNotFound' });
    await expect(digestGitTree(gitDir, 'HEAD')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('what changes the digest', () => {
  it('changes with one byte of one file, an exec bit and a rename, and comes back with the content', async () => {
    const dir = await initRepository(path.join(await tempDir(), 'changes'));
    const digestAt = async (commit: string) => (await digestGitTree(path.join(dir, '.git'), (await git(dir, 'rev-parse', `${commit}^{tree}`)).trim())).digest;
    const base = await digestAt(await commitFiles(dir, { 'a.txt': 'alpha\n', 'tool.sh': 'echo\n' }, 'base'));
    const oneByte = await digestAt(await commitFiles(dir, { 'a.txt': 'alphb\n' }, 'one byte'));
    await commitFiles(dir, { 'a.txt': 'alpha\n' }, 'back');
    const execBit = await digestAt(await commitFiles(dir, { 'tool.sh': { content: 'echo\n', mode: '100755' } }, 'exec'));
    const restored = await digestAt(await commitFiles(dir, { 'tool.sh': { content: 'echo\n', mode: '100644' } }, 'no exec'));
    await git(dir, 'mv', 'a.txt', 'b.txt');
    const renamed = await digestAt(await commitFiles(dir, {}, 'rename'));
    expect(new Set([base, oneByte, execBit, renamed]).size).toBe(4);
    expect(restored).toBe(base);
  });
});

describe('odd repositories', () => {
  it('normalises historical modes (100664, 100775) by the owner execute bit', async () => {
    const dir = await initRepository(path.join(await tempDir(), 'historical'));
    await commitFiles(dir, { 'a.txt': 'alpha\n', tool: { content: 'alpha\n', mode: '100755' } }, 'modern');
    const modern = (await git(dir, 'rev-parse', 'HEAD^{tree}')).trim();
    const blob = Buffer.from((await git(dir, 'rev-parse', 'HEAD:a.txt')).trim(), 'hex');
    const raw = path.join(dir, 'tree.bin');
    await fs.writeFile(raw, Buffer.concat([Buffer.from('100664 a.txt\0'), blob, Buffer.from('100775 tool\0'), blob]));
    const historical = (await git(dir, 'hash-object', '-t', 'tree', '-w', '--literally', raw)).trim();
    expect(historical).not.toBe(modern);
    const gitDirOf = path.join(dir, '.git');
    expect((await digestGitTree(gitDirOf, historical)).digest).toBe((await digestGitTree(gitDirOf, modern)).digest);
  });

  it('names a blob the repository lacks', async () => {
    const dir = await initRepository(path.join(await tempDir(), 'lacking'));
    await commitFiles(dir, { 'kept.txt': 'kept\n', 'lost.txt': 'lost\n' }, 'release');
    const lost = (await git(dir, 'rev-parse', 'HEAD:lost.txt')).trim();
    await fs.rm(path.join(dir, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));
    const digesting = digestGitTree(path.join(dir, '.git'), (await git(dir, 'rev-parse', 'HEAD^{tree}')).trim());
    await expect(digesting).rejects.toMatchObject({ code: 'INTEGRITY', message: expect.stringContaining(`blob ${lost} at "lost.txt" is missing`) });
  });
});

describe('gitlinks', () => {
  it('records a submodule as its commit, which no folder or archive can express', async () => {
    const dir = await initRepository(path.join(await tempDir(), 'with-submodule'));
    const first = await commitFiles(dir, { 'README.md': 'top\n' }, 'first');
    await git(dir, 'update-index', '--add', '--cacheinfo', `160000,${first},vendor/lib`);
    await git(dir, 'commit', '-q', '-m', 'submodule');
    const withLink = (await git(dir, 'rev-parse', 'HEAD^{tree}')).trim();
    const result = await digestGitTree(path.join(dir, '.git'), withLink);

    const records = Buffer.concat([Buffer.from(`100644 ${sha256('top\n')} README.md\0`), Buffer.from(`160000 gitlink:${first} vendor/lib\0`)]);
    expect(result.digest).toBe(`sha256:${sha256(records)}`);
    expect(result.files.find((f) => f.path === 'vendor/lib')).toMatchObject({ mode: '160000', oid: first, sha256: null, size: 0 });

    // git archive leaves the submodule out, so folder and archive digests are those of the tree without it.
    const archive = path.join(await tempDir(), 'release.tar');
    await git(dir, 'archive', '--format=tar', '-o', archive, withLink);
    const withoutLink = `sha256:${sha256(Buffer.from(`100644 ${sha256('top\n')} README.md\0`))}`;
    expect((await digestArchive(archive)).digest).toBe(withoutLink);
    expect((await digestDirectory(await extract(archive))).digest).toBe(withoutLink);
  });
});
