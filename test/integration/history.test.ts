import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileContent } from '../../shared/contract/code.js';
import type { CommitDetails, FileChange, FileHistoryEntry } from '../../shared/contract/history.js';
import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { commitFiles, git, initRepository, stageRawPath, type FileSpec } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

const htmlName = '<img src=x onerror=alert(1)>.js';
const SECOND = 'Second Author <second@vendor.example>';
const guide = (changes: Record<number, string>) => Array.from({ length: 10 }, (_, i) => `${changes[i + 1] ?? `guide line ${i + 1}`}\n`).join('');
const legacyBytes = Buffer.concat([Buffer.from('legacy/'), Buffer.from([0xd1, 0xef, 0xf0, 0xe0, 0xe2, 0xea, 0xe0]), Buffer.from('.txt')]);
const legacyPath = decodePathBytes(legacyBytes);

let ws: TestWorkspace;
let c1: string;
let c2: string;
let c3: string;

/** Like commitFiles, but names with pathspec magic or globs are staged literally (the fixture's `git add` would read them as patterns). */
async function commitAs(repo: string, files: Record<string, FileSpec | null>, message: string, author?: string): Promise<string> {
  const plain: Record<string, FileSpec | null> = {};
  for (const [name, spec] of Object.entries(files)) {
    if (!/^:|[*?[]/.test(name) || typeof spec !== 'string') {
      plain[name] = spec;
      continue;
    }
    await fs.mkdir(path.dirname(path.join(repo, name)), { recursive: true });
    await fs.writeFile(path.join(repo, name), spec);
    await git(repo, '--literal-pathspecs', 'add', '--', name);
  }
  await commitFiles(repo, plain, message);
  if (author) await git(repo, 'commit', '-q', '--amend', '--no-edit', `--author=${author}`);
  return (await git(repo, 'rev-parse', 'HEAD')).trim();
}

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir(), 'vendor'));
  c1 = await commitAs(repo, {
    'src/app.js': 'line1\nline2\nline3\nline4\n',
    'src/keep.go': 'package keep\n',
    'docs/old-name.md': guide({}),
    'remove.txt': 'bye\nbye\n',
    'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'scripts/run.sh': '#!/bin/sh\necho run\n',
    ':colon.txt': 'colon\n',
    '-dash.txt': 'dash\n',
    [htmlName]: 'alert(1);\n',
    'blame.txt': 'one\ntwo\nthree\n',
  }, 'v1');
  await git(repo, 'tag', 'v1.0.0');
  c2 = await commitAs(repo, { 'blame.txt': 'one\nTWO\nthree\n', 'docs/old-name.md': guide({ 3: 'guide line 3 revised' }), '-dash.txt': 'dash\ndash 2\n' }, 'second author', SECOND);
  c3 = await commitAs(repo, {
    'src/app.js': 'line1\nline two\nline3\nline4\nline5\n',
    'src/new.ts': 'export const x = 1;\n',
    'remove.txt': null,
    'docs/old-name.md': null,
    'docs/guide.md': guide({ 3: 'guide line 3 revised', 10: 'guide line 10 final' }),
    'docs/*.md': 'star\n',
    'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x02]),
    'scripts/run.sh': { content: '#!/bin/sh\necho run\n', mode: '100755' },
    ':colon.txt': 'colon\ncolon 2\n',
    [htmlName]: 'alert(2);\n',
    'blame.txt': 'one\nTWO\nTHREE\n',
  }, 'v2\n\nRename the guide.');
  await git(repo, 'tag', 'v2.0.0');
  // A name that is not UTF-8, after v2 on main.
  await stageRawPath(repo, legacyBytes, (await git(repo, 'rev-parse', 'HEAD:src/new.ts')).trim());
  await commitFiles(repo, {}, 'legacy name');
  await call(ws.dispatcher, 'component.add', { name: 'vendor', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
});
afterAll(async () => ws?.close());

const invoke = (method: string, input: Record<string, unknown>) => ws.dispatcher.invoke(method, { component: 'vendor', ...input });
const diffFiles = (input: Record<string, unknown>) => call(ws.dispatcher, 'diff.files', { component: 'vendor', from: 'v1.0.0', to: 'v2.0.0', ...input }) as Promise<{ from: { ref: string; commit: string }; to: { ref: string; commit: string }; files: FileChange[]; totals: { files: number; additions: number; deletions: number } }>;
const change = (status: FileChange['status'], p: string, additions: number | null, deletions: number | null, extra: Partial<FileChange> = {}) => expect.objectContaining({ status, path: p, oldPath: null, additions, deletions, ...extra });

describe('diff.files', () => {
  it('lists every change between two releases, sorted by path, with line counts and totals', async () => {
    const result = await diffFiles({});
    expect(result.from).toEqual({ ref: 'v1.0.0', commit: c1 });
    expect(result.to).toEqual({ ref: 'v2.0.0', commit: c3 });
    expect(result.files).toEqual([
      change('modified', '-dash.txt', 1, 0),
      change('modified', ':colon.txt', 1, 0),
      change('modified', htmlName, 1, 1),
      change('modified', 'assets/logo.png', null, null),
      change('modified', 'blame.txt', 2, 2),
      change('added', 'docs/*.md', 1, 0, { oldMode: null, newMode: '100644', oldOid: null }),
      change('renamed', 'docs/guide.md', 2, 2, { oldPath: 'docs/old-name.md' }),
      change('deleted', 'remove.txt', 0, 2, { oldMode: '100644', newMode: null, newOid: null }),
      change('modified', 'scripts/run.sh', 0, 0, { oldMode: '100644', newMode: '100755' }),
      change('modified', 'src/app.js', 2, 1),
      change('added', 'src/new.ts', 1, 0),
    ]);
    expect(result.totals).toEqual({ files: 11, additions: 11, deletions: 8 });
    const mode = result.files.find((f) => f.path === 'scripts/run.sh')!;
    expect(mode.oldOid).toBe(mode.newOid);
  });

  it('filters by a folder or a file, literally: globs and magic are names', async () => {
    expect((await diffFiles({ path: 'src' })).files.map((f) => f.path)).toEqual(['src/app.js', 'src/new.ts']);
    expect((await diffFiles({ path: 'docs/*.md' })).files.map((f) => f.path)).toEqual(['docs/*.md']);
    expect((await diffFiles({ path: ':colon.txt' })).files.map((f) => [f.path, f.additions])).toEqual([[':colon.txt', 1]]);
    expect((await diffFiles({ path: '-dash.txt' })).files.map((f) => f.path)).toEqual(['-dash.txt']);
    const filtered = await diffFiles({ path: 'docs' });
    expect(filtered.files.map((f) => [f.status, f.oldPath, f.path])).toEqual([['added', null, 'docs/*.md'], ['renamed', 'docs/old-name.md', 'docs/guide.md']]);
    expect(filtered.totals).toEqual({ files: 2, additions: 3, deletions: 2 });
  });

  it('filters by a name that is not UTF-8', async () => {
    const result = await call(ws.dispatcher, 'diff.files', { component: 'vendor', from: 'v2.0.0', to: 'main', path: legacyPath }) as { files: FileChange[] };
    expect(result.files).toEqual([change('added', legacyPath, 1, 0)]);
  });

  it('answers specific errors for a path in neither release, an unknown ref and revision syntax', async () => {
    expect(await invoke('diff.files', { from: 'v1.0.0', to: 'v2.0.0', path: 'src/*' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '"src/*" exists in neither vendor@v1.0.0 nor vendor@v2.0.0.' },
    });
    expect(await invoke('diff.files', { from: 'v1.0.0', to: 'v9' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke('diff.files', { from: 'v1.0.0', to: 'main~1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('diff.files', { from: 'v1.0.0', to: 'v2.0.0', path: '../x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('diff.file', () => {
  const sides = async (input: Record<string, unknown>) => (await call(ws.dispatcher, 'diff.file', { component: 'vendor', from: 'v1.0.0', to: 'v2.0.0', ...input })) as { old: FileContent | null; new: FileContent | null };

  it('gives both sides of a modified file, and null for the side an added or deleted file lacks', async () => {
    const modified = await sides({ path: 'src/app.js' });
    expect([modified.old?.text, modified.new?.text]).toEqual(['line1\nline2\nline3\nline4\n', 'line1\nline two\nline3\nline4\nline5\n']);
    expect(modified.new).toMatchObject({ kind: 'text', language: 'javascript', path: 'src/app.js' });
    const added = await sides({ path: 'src/new.ts' });
    expect([added.old, added.new?.text]).toEqual([null, 'export const x = 1;\n']);
    const deleted = await sides({ path: 'remove.txt' });
    expect([deleted.old?.text, deleted.new]).toEqual(['bye\nbye\n', null]);
  });

  it('reads a renamed file from its old path, binary files as binary, names as data', async () => {
    const renamed = await sides({ path: 'docs/guide.md', oldPath: 'docs/old-name.md' });
    expect(renamed.old).toMatchObject({ path: 'docs/old-name.md', text: guide({}) });
    expect(renamed.new).toMatchObject({ path: 'docs/guide.md', text: guide({ 3: 'guide line 3 revised', 10: 'guide line 10 final' }) });
    expect((await sides({ path: 'assets/logo.png' })).new).toMatchObject({ kind: 'binary', text: null, size: 7 });
    const html = await sides({ path: htmlName });
    expect([html.old?.text, html.new?.text, html.new?.path]).toEqual(['alert(1);\n', 'alert(2);\n', htmlName]);
    expect((await sides({ path: '-dash.txt' })).new?.text).toBe('dash\ndash 2\n');
    const legacy = (await call(ws.dispatcher, 'diff.file', { component: 'vendor', from: 'v2.0.0', to: 'main', path: legacyPath })) as { old: null; new: FileContent };
    expect([legacy.old, legacy.new.text]).toEqual([null, 'export const x = 1;\n']);
  });

  it('refuses a path on neither side and a folder', async () => {
    expect(await invoke('diff.file', { from: 'v1.0.0', to: 'v2.0.0', path: 'nope.txt' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '"nope.txt" exists in neither vendor@v1.0.0 nor vendor@v2.0.0.' },
    });
    expect(await invoke('diff.file', { from: 'v1.0.0', to: 'v2.0.0', path: 'src' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '"src" in vendor@refs/tags/v1.0.0 is a folder, not a file.' } });
  });
});

describe('diff.patch', () => {
  it('is the unified diff with renames, limited to a path when asked', async () => {
    const { patch } = (await call(ws.dispatcher, 'diff.patch', { component: 'vendor', from: 'v1.0.0', to: 'v2.0.0', path: 'docs' })) as { patch: string };
    expect(patch).toContain('rename from docs/old-name.md\nrename to docs/guide.md\n');
    expect(patch).toContain('-guide line 10\n+guide line 10 final\n');
    expect(patch).toContain('+++ b/docs/*.md\n');
    expect(patch).not.toContain('src/app.js');
    // A path filter is a pathspec: a rename whose old name lies outside it reads as an addition, as in git.
    const file = (await call(ws.dispatcher, 'diff.patch', { component: 'vendor', from: 'v1.0.0', to: 'v2.0.0', path: 'docs/guide.md' })) as { patch: string };
    expect(file.patch).toMatch(/^diff --git a\/docs\/guide\.md b\/docs\/guide\.md\nnew file mode 100644\n/);
    const all = (await call(ws.dispatcher, 'diff.patch', { component: 'vendor', from: 'v1.0.0', to: 'v2.0.0' })) as { patch: string };
    expect(all.patch).toContain('diff --git a/src/app.js b/src/app.js\n');
    expect(all.patch).toContain('Binary files a/assets/logo.png and b/assets/logo.png differ\n');
  });
});

describe('blame.file', () => {
  const blame = (ref: string, p: string) => call(ws.dispatcher, 'blame.file', { component: 'vendor', ref, path: p }) as Promise<{ commit: string; path: string; lines: number; ranges: unknown[]; commits: Record<string, { author: string; authorEmail: string; authorTime: string; summary: string }> }>;

  it('names the commit and author of every line of a file changed by three commits of two authors', async () => {
    const result = await blame('v2.0.0', 'blame.txt');
    expect(result).toMatchObject({ commit: c3, path: 'blame.txt', lines: 3 });
    expect(result.ranges).toEqual([
      { start: 1, count: 1, commit: c1, originalPath: 'blame.txt', originalStart: 1 },
      { start: 2, count: 1, commit: c2, originalPath: 'blame.txt', originalStart: 2 },
      { start: 3, count: 1, commit: c3, originalPath: 'blame.txt', originalStart: 3 },
    ]);
    expect(Object.keys(result.commits).sort()).toEqual([c1, c2, c3].sort());
    expect(result.commits[c2]).toEqual({ author: 'Second Author', authorEmail: 'second@vendor.example', authorTime: expect.stringMatching(/^2025-01-01T05:\d\d:\d\d\+05:00$/), summary: 'second author' });
    expect(result.commits[c1]).toMatchObject({ author: 'Vendor Dev', authorEmail: 'dev@vendor.example', summary: 'v1' });
    expect(result.commits[c3]!.summary).toBe('v2');
  });

  it('reports the original path for lines that come from before a rename', async () => {
    const result = await blame('v2.0.0', 'docs/guide.md');
    expect(result.ranges).toEqual([
      { start: 1, count: 2, commit: c1, originalPath: 'docs/old-name.md', originalStart: 1 },
      { start: 3, count: 1, commit: c2, originalPath: 'docs/old-name.md', originalStart: 3 },
      { start: 4, count: 6, commit: c1, originalPath: 'docs/old-name.md', originalStart: 4 },
      { start: 10, count: 1, commit: c3, originalPath: 'docs/guide.md', originalStart: 10 },
    ]);
  });

  it('blames names that look like options, pathspec magic or HTML as plain names', async () => {
    expect((await blame('v2.0.0', ':colon.txt')).ranges).toEqual([
      { start: 1, count: 1, commit: c1, originalPath: ':colon.txt', originalStart: 1 },
      { start: 2, count: 1, commit: c3, originalPath: ':colon.txt', originalStart: 2 },
    ]);
    expect((await blame('v2.0.0', '-dash.txt')).ranges).toHaveLength(2);
    expect((await blame('v2.0.0', htmlName)).ranges).toEqual([{ start: 1, count: 1, commit: c3, originalPath: htmlName, originalStart: 1 }]);
    expect((await blame('v2.0.0', 'docs/*.md')).lines).toBe(1);
  });

  it('refuses binary files, folders, missing paths and names git cannot be handed, each with its own error', async () => {
    expect(await invoke('blame.file', { ref: 'v2.0.0', path: 'assets/logo.png' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '"assets/logo.png" in vendor@refs/tags/v2.0.0 is a binary file: only text can be blamed line by line.' },
    });
    expect(await invoke('blame.file', { ref: 'v2.0.0', path: 'src' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { messageKey: 'error.path.isDirectory' } } });
    expect(await invoke('blame.file', { ref: 'v2.0.0', path: 'remove.txt' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '"remove.txt" does not exist in vendor@refs/tags/v2.0.0.' },
    });
    expect(await invoke('blame.file', { ref: 'main', path: legacyPath })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { messageKey: 'error.history.pathNotUtf8' } } });
  });
});

describe('history.file', () => {
  const history = async (input: Record<string, unknown>) => ((await call(ws.dispatcher, 'history.file', { component: 'vendor', ref: 'v2.0.0', ...input })) as { entries: FileHistoryEntry[] }).entries;

  it('follows a file back through a rename, with the path it had in each commit', async () => {
    const entries = await history({ path: 'docs/guide.md' });
    expect(entries.map((e) => [e.commit, e.status, e.path, e.author, e.subject])).toEqual([
      [c3, 'R', 'docs/guide.md', 'Vendor Dev', 'v2'],
      [c2, 'M', 'docs/old-name.md', 'Second Author', 'second author'],
      [c1, 'A', 'docs/old-name.md', 'Vendor Dev', 'v1'],
    ]);
    expect(entries[1]).toMatchObject({ authorEmail: 'second@vendor.example', date: expect.stringMatching(/^2025-01-01T05:\d\d:\d\d\+05:00$/) });
    expect((await history({ path: 'docs/guide.md', limit: 1 })).map((e) => e.commit)).toEqual([c3]);
  });

  it('treats names with pathspec magic, globs and dashes as names', async () => {
    expect((await history({ path: ':colon.txt' })).map((e) => [e.commit, e.status])).toEqual([[c3, 'M'], [c1, 'A']]);
    expect((await history({ path: 'docs/*.md' })).map((e) => [e.commit, e.path])).toEqual([[c3, 'docs/*.md']]);
    expect((await history({ path: '-dash.txt' })).map((e) => e.commit)).toEqual([c2, c1]);
    expect((await history({ path: htmlName })).map((e) => [e.path, e.status])).toEqual([[htmlName, 'M'], [htmlName, 'A']]);
  });

  it('refuses missing paths, folders and limits out of range', async () => {
    expect(await invoke('history.file', { ref: 'v2.0.0', path: 'docs/old-name.md' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke('history.file', { ref: 'v2.0.0', path: 'docs' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '"docs" in vendor@refs/tags/v2.0.0 is a folder, not a file.' } });
    expect(await invoke('history.file', { ref: 'v2.0.0', path: 'blame.txt', limit: 501 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('commit.show', () => {
  const show = (commit: string) => call(ws.dispatcher, 'commit.show', { component: 'vendor', commit }) as Promise<CommitDetails>;

  it('shows a commit against its parent, found by an abbreviated id', async () => {
    const details = await show(c3.slice(0, 8));
    expect(details).toMatchObject({
      commit: c3,
      parents: [c2],
      author: { name: 'Vendor Dev', email: 'dev@vendor.example', date: expect.stringMatching(/^2025-01-01T05:\d\d:\d\d\+05:00$/) },
      committer: { name: 'Vendor Dev', email: 'dev@vendor.example' },
      message: 'v2\n\nRename the guide.\n',
    });
    expect(details.files).toEqual([
      { status: 'modified', path: ':colon.txt', oldPath: null, additions: 1, deletions: 0 },
      { status: 'modified', path: htmlName, oldPath: null, additions: 1, deletions: 1 },
      { status: 'modified', path: 'assets/logo.png', oldPath: null, additions: null, deletions: null },
      { status: 'modified', path: 'blame.txt', oldPath: null, additions: 1, deletions: 1 },
      { status: 'added', path: 'docs/*.md', oldPath: null, additions: 1, deletions: 0 },
      { status: 'renamed', path: 'docs/guide.md', oldPath: 'docs/old-name.md', additions: 1, deletions: 1 },
      { status: 'deleted', path: 'remove.txt', oldPath: null, additions: 0, deletions: 2 },
      { status: 'modified', path: 'scripts/run.sh', oldPath: null, additions: 0, deletions: 0 },
      { status: 'modified', path: 'src/app.js', oldPath: null, additions: 2, deletions: 1 },
      { status: 'added', path: 'src/new.ts', oldPath: null, additions: 1, deletions: 0 },
    ]);
    expect((await show(c2)).author).toMatchObject({ name: 'Second Author', email: 'second@vendor.example' });
  });

  it('shows the root commit against the empty tree', async () => {
    const details = await show(c1);
    expect(details.parents).toEqual([]);
    expect(details.message).toBe('v1\n');
    expect(details.files.map((f) => [f.status, f.path, f.additions])).toEqual([
      ['added', '-dash.txt', 1], ['added', ':colon.txt', 1], ['added', htmlName, 1], ['added', 'assets/logo.png', null], ['added', 'blame.txt', 3],
      ['added', 'docs/old-name.md', 10], ['added', 'remove.txt', 2], ['added', 'scripts/run.sh', 2], ['added', 'src/app.js', 4], ['added', 'src/keep.go', 1],
    ]);
  });

  it('refuses unknown ids, objects that are not commits and text that is not an id', async () => {
    expect(await invoke('commit.show', { commit: 'deadbeefdeadbeef' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Component "vendor" has no commit deadbeefdeadbeef.' } });
    const tree = (await git(ws.workspace.paths.mirrors, '--git-dir', `${(await ws.core.components.require('vendor')).id}.git`, 'rev-parse', `${c1}^{tree}`)).trim();
    expect(await invoke('commit.show', { commit: tree })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: `Object ${tree} of component "vendor" is a tree, not a commit.` } });
    expect(await invoke('commit.show', { commit: 'main' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await invoke('commit.show', { commit: 'HEAD~1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
