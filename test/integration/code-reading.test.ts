import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileContent, ReleaseRef, TreeEntry } from '../../shared/contract/code.js';
import { commitFiles, git, initRepository, stageRawPath } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let v1: string;
let v2: string;
const htmlName = '<img src=x onerror=alert(1)>.js';
const cp1251Name = Buffer.from([0xd1, 0xef, 0xf0, 0xe0, 0xe2, 0xea, 0xe0, 0x2e, 0x74, 0x78, 0x74]); // "Справка.txt" in windows-1251

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir(), 'vendor'));
  v1 = await commitFiles(
    repo,
    {
      'src/main.go': 'package main\n\nfunc main() {}\n',
      'scripts/run.sh': { content: '#!/bin/sh\necho run\n', mode: '100755' },
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'docs/latest': { symlink: 'v1' },
      [htmlName]: 'console.log("<b>not html</b>");\n',
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('with BOM\n')]),
    },
    'v1',
  );
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'first release');
  await git(repo, 'update-index', '--add', '--cacheinfo', `160000,${v1},vendor/lib`);
  await git(repo, '-c', 'core.quotepath=off', 'commit', '-q', '-m', 'submodule');
  // The windows-1251 name goes into the index as raw bytes, so the tree holds exactly those bytes.
  const blob = (await git(repo, 'rev-parse', 'HEAD:bom.txt')).trim();
  await stageRawPath(repo, Buffer.concat([Buffer.from('legacy/'), cp1251Name]), blob);
  v2 = await commitFiles(repo, { 'src/main.go': 'package main\n\nfunc main() { run() }\n' }, 'v2');
  await git(repo, 'tag', 'v2.0.0');
  await call(ws.dispatcher, 'component.add', { name: 'archive', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
});
afterAll(async () => ws?.close());

const read = (ref: string, p: string) => call(ws.dispatcher, 'file.read', { component: 'archive', ref, path: p }) as Promise<{ commit: string; file: FileContent }>;

describe('release.list', () => {
  it('lists tags first, then branches, with their commits and the default branch', async () => {
    const { releases, defaultRef } = (await call(ws.dispatcher, 'release.list', { component: 'archive' })) as { releases: ReleaseRef[]; defaultRef: string };
    expect(releases.map((r) => [r.kind, r.name, r.commit])).toEqual([['tag', 'v2.0.0', v2], ['tag', 'v1.0.0', v1], ['branch', 'main', v2]]);
    expect(releases.find((r) => r.name === 'v1.0.0')!.subject).toBe('first release');
    expect(defaultRef).toBe('refs/heads/main');
  });
});

describe('tree.list', () => {
  it('lists every file of a release with modes, by tag, branch or commit id', async () => {
    const byTag = (await call(ws.dispatcher, 'tree.list', { component: 'archive', ref: 'v1.0.0' })) as { commit: string; entries: TreeEntry[] };
    expect(byTag.commit).toBe(v1);
    expect(byTag.entries.map((e) => [e.path, e.mode]).sort()).toEqual([
      [htmlName, '100644'], ['assets/logo.png', '100644'], ['bom.txt', '100644'], ['docs/latest', '120000'], ['scripts/run.sh', '100755'], ['src/main.go', '100644'],
    ].sort());
    const byCommit = (await call(ws.dispatcher, 'tree.list', { component: 'archive', ref: v2.slice(0, 10) })) as { commit: string; entries: TreeEntry[] };
    expect(byCommit.commit).toBe(v2);
    expect(byCommit.entries.find((e) => e.path === 'vendor/lib')).toMatchObject({ mode: '160000', oid: v1 });
  });

  it('answers NOT_FOUND for a ref that does not exist and INVALID_INPUT for revision syntax', async () => {
    const missing = await ws.dispatcher.invoke('tree.list', { component: 'archive', ref: 'v9.9.9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Component "archive" has no tag, branch or commit "v9.9.9".' } });
    const expression = await ws.dispatcher.invoke('tree.list', { component: 'archive', ref: 'main~1' });
    expect(expression).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await ws.dispatcher.invoke('tree.list', { component: 'nope', ref: 'main' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('file.read', () => {
  it('reads text with its language', async () => {
    const { file } = await read('v1.0.0', 'src/main.go');
    expect(file).toMatchObject({ kind: 'text', language: 'go', encoding: 'utf-8', text: 'package main\n\nfunc main() {}\n', size: 29, truncated: false });
    expect((await read('main', 'src/main.go')).file.text).toContain('run()');
  });

  it('drops a UTF-8 byte-order mark', async () => {
    expect((await read('v1.0.0', 'bom.txt')).file.text).toBe('with BOM\n');
  });

  it('flags binary files with their size and sends no content', async () => {
    const { file } = await read('v1.0.0', 'assets/logo.png');
    expect(file).toMatchObject({ kind: 'binary', size: 12, text: null });
  });

  it('shows a symlink as its target and a submodule as its commit', async () => {
    expect((await read('v1.0.0', 'docs/latest')).file).toMatchObject({ kind: 'symlink', text: 'v1', mode: '120000' });
    expect((await read('v2.0.0', 'vendor/lib')).file).toMatchObject({ kind: 'submodule', oid: v1, text: null });
  });

  it('reads a file whose name is HTML as plain data', async () => {
    const { file } = await read('v1.0.0', htmlName);
    expect(file.path).toBe(htmlName);
    expect(file.text).toBe('console.log("<b>not html</b>");\n');
    expect(file.language).toBe('javascript');
  });

  it('lists and reads a file whose name is not UTF-8', async () => {
    const { entries } = (await call(ws.dispatcher, 'tree.list', { component: 'archive', ref: 'v2.0.0' })) as { entries: TreeEntry[] };
    const legacy = entries.find((e) => e.path.startsWith('legacy/'))!;
    expect(legacy.path.endsWith('.txt')).toBe(true);
    expect(/[\uDC80-\uDCFF]/.test(legacy.path)).toBe(true);
    expect((await read('v2.0.0', legacy.path)).file.kind).toBe('text');
  });

  it('refuses .. and missing paths and folders with specific errors', async () => {
    expect(await ws.dispatcher.invoke('file.read', { component: 'archive', ref: 'v1.0.0', path: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.dispatcher.invoke('file.read', { component: 'archive', ref: 'v1.0.0', path: 'src/none.go' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '"src/none.go" does not exist in archive@refs/tags/v1.0.0.' },
    });
    expect(await ws.dispatcher.invoke('file.read', { component: 'archive', ref: 'v1.0.0', path: 'src' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ws.dispatcher.invoke('file.read', { component: 'archive', ref: 'v1.0.0', path: 'src/main.go/x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('legacy encodings', () => {
  const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x0a]); // "Привет, мир!\n"
  const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xcd, 0xc9, 0xd2, 0x21, 0x0a]); // the same in KOI8-R
  let commit: string;

  beforeAll(async () => {
    const repo = await initRepository(path.join(await tempDir(), 'legacy'));
    commit = await commitFiles(repo, { 'cp1251.pas': cp1251, 'koi8.sql': koi8 }, 'legacy files');
    await call(ws.dispatcher, 'component.add', { name: 'legacy', source: repo });
    await call(ws.dispatcher, 'sync.run', { components: ['legacy'] });
  });

  const readAs = (p: string, encoding?: string) =>
    call(ws.dispatcher, 'file.read', { component: 'legacy', ref: commit, path: p, ...(encoding ? { encoding } : {}) }) as Promise<{ file: FileContent }>;

  it('detects windows-1251 and KOI8-R and says the encoding was guessed', async () => {
    expect((await readAs('cp1251.pas')).file).toMatchObject({ text: 'Привет, мир!\n', encoding: 'windows-1251', encodingGuessed: true });
    expect((await readAs('koi8.sql')).file).toMatchObject({ text: 'Привет, мир!\n', encoding: 'koi8-r', encodingGuessed: true });
  });

  it('shows the bytes in the encoding the reader chooses', async () => {
    expect((await readAs('koi8.sql', 'windows-1251')).file).toMatchObject({ text: 'рТЙЧЕФ, НЙТ!\n', encoding: 'windows-1251', encodingGuessed: false });
    expect((await readAs('cp1251.pas', 'koi8-r')).file.text).toBe(new TextDecoder('koi8-r').decode(cp1251));
    expect(await ws.dispatcher.invoke('file.read', { component: 'legacy', ref: commit, path: 'koi8.sql', encoding: 'ebcdic' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('a file over 5 MB', () => {
  const LINE = 'line of generated text for paging, 48 bytes ...\n';
  const LINES = 130_000; // 7.15 MB
  let commit: string;

  beforeAll(async () => {
    const repo = await initRepository(path.join(await tempDir(), 'big'));
    const numbered = Array.from({ length: LINES }, (_, i) => `${String(i + 1).padStart(6, '0')} ${LINE}`).join('');
    commit = await commitFiles(repo, { 'dump.sql': numbered }, 'a large dump');
    await call(ws.dispatcher, 'component.add', { name: 'big', source: repo });
    await call(ws.dispatcher, 'sync.run', { components: ['big'] });
  });

  type Page = { page: number; pages: number; firstLine: number; text: string; size: number };
  const page = (n: number) => call(ws.dispatcher, 'file.page', { component: 'big', ref: commit, path: 'dump.sql', page: n }) as Promise<Page>;

  it('is read as its first 5 MiB, marked truncated', async () => {
    const { file } = (await call(ws.dispatcher, 'file.read', { component: 'big', ref: commit, path: 'dump.sql' })) as { file: FileContent };
    expect(file).toMatchObject({ kind: 'text', truncated: true, size: LINES * 55 });
    expect(file.text!.length).toBe(5 * 1024 * 1024);
  });

  it('is paged on line boundaries, each page numbered from its first line, the pages covering every line once', async () => {
    const first = await page(0);
    expect(first).toMatchObject({ page: 0, pages: 7, firstLine: 1, size: LINES * 55 });
    let expectedLine = 1;
    for (let n = 0; n < first.pages; n++) {
      const { text, firstLine } = n === 0 ? first : await page(n);
      expect(firstLine).toBe(expectedLine);
      const lines = text.split('\n').slice(0, -1);
      expect(lines[0]).toBe(`${String(expectedLine).padStart(6, '0')} ${LINE.trimEnd()}`);
      expectedLine += lines.length;
    }
    expect(expectedLine).toBe(LINES + 1);
  });

  it('answers NOT_FOUND past the last page', async () => {
    expect(await ws.dispatcher.invoke('file.page', { component: 'big', ref: commit, path: 'dump.sql', page: 7 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('tree listings kept by the core', () => {
  it('are those of the tree a ref points at now, after a sync moves it', async () => {
    const repo = await initRepository(path.join(await tempDir(), 'moving'));
    await commitFiles(repo, { 'a.txt': 'a\n' }, 'first');
    await call(ws.dispatcher, 'component.add', { name: 'moving', source: repo });
    await call(ws.dispatcher, 'sync.run', { components: ['moving'] });
    const list = async () => ((await call(ws.dispatcher, 'tree.list', { component: 'moving', ref: 'main' })) as { entries: TreeEntry[] }).entries.map((e) => e.path);
    expect(await list()).toEqual(['a.txt']);
    expect(await list()).toEqual(['a.txt']);
    await commitFiles(repo, { 'b.txt': 'b\n' }, 'second');
    await call(ws.dispatcher, 'sync.run', { components: ['moving'] });
    expect(await list()).toEqual(['a.txt', 'b.txt']);
  });
});
