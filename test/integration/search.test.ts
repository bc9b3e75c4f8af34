import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchFile, SearchPage, SearchSummary } from '../../shared/contract/search.js';
import { commitFiles, git, initRepository, stageRawPath } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let v1: string;
let billingCommit: string;
const htmlName = '<img src=x onerror=alert(1)>.js';
const cp1251Name = Buffer.from([0xd1, 0xef, 0xf0, 0xe0, 0xe2, 0xea, 0xe0, 0x2e, 0x74, 0x78, 0x74]); // "Справка.txt" in windows-1251
const cp1251Line = Buffer.concat([Buffer.from([0xcf, 0xeb, 0xe0, 0xf2, 0xe5, 0xe6]), Buffer.from(' payment\n')]); // "Платеж payment"
const longLine = `${'x'.repeat(1000)}payment${'y'.repeat(1000)}`;

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir(), 'archive'));
  await commitFiles(
    repo,
    {
      'src/main.go': 'package main\n\n// Payment entry point\nfunc payment() {}\nvar prepayment = 1\nvar PAYMENT_LIMIT = 10\n',
      'src/pay/ledger.go': 'package pay\nfunc Ledger(payment int) int { return payment }\n',
      'vendor/lib/pay.go': 'package lib // payment vendored\n',
      'docs/notes.md': 'Payments are recorded daily.\r\n',
      [htmlName]: 'console.log("payment <b>ok</b>");\n',
      'assets/blob.bin': Buffer.from('payment\u0000\u0000binary payment\n'),
      'encoding/cp1251.txt': cp1251Line,
      'long/minified.js': `${longLine}\n`,
      'ru/doc.txt': 'Код: платёж\nПЛАТЁЖ принят\n',
      'scripts/clean.sh': 'rm -rf build\ngit push --force-with-lease\n',
      'config/app.yaml': "name: 'payments'\n",
    },
    'v1',
  );
  const payment = (await git(repo, 'rev-parse', 'HEAD:vendor/lib/pay.go')).trim();
  await stageRawPath(repo, Buffer.concat([Buffer.from('legacy/'), cp1251Name]), payment);
  await git(repo, 'commit', '-q', '-m', 'legacy name');
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'first release');
  v1 = (await git(repo, 'rev-parse', 'HEAD')).trim();
  const billing = await initRepository(path.join(await tempDir(), 'billing'));
  billingCommit = await commitFiles(billing, { 'billing.go': 'package billing\n\nfunc Charge() { payment() }\n' }, 'billing');
  await git(billing, 'tag', 'v1');
  await call(ws.dispatcher, 'component.add', { name: 'archive', source: repo });
  await call(ws.dispatcher, 'component.add', { name: 'billing', source: billing });
  await call(ws.dispatcher, 'sync.run', {});
});
afterAll(async () => ws?.close());

type Query = { pattern: string; regex?: boolean; caseSensitive?: boolean; wholeWord?: boolean; include?: string[]; exclude?: string[] };

async function search(query: Query, extra: { maxMatches?: number; component?: string } = {}): Promise<{ summary: SearchSummary; files: SearchFile[] }> {
  const scope = { kind: 'release', component: extra.component ?? 'archive', ref: 'v1.0.0' };
  const summary = (await call(ws.dispatcher, 'search.start', { query: { ...query, scope }, ...(extra.maxMatches ? { maxMatches: extra.maxMatches } : {}) })) as SearchSummary;
  const page = (await call(ws.dispatcher, 'search.results', { searchId: summary.searchId, offset: 0, limit: 200 })) as SearchPage;
  expect(page).toMatchObject({ done: true, totalFiles: summary.totalFiles, totalMatches: summary.totalMatches, truncated: summary.truncated });
  return { summary, files: page.files };
}

/** `path:line:column+length` for every match, the shortest exact picture of a result. */
const where = (files: SearchFile[]) => files.flatMap((f) => f.matches.map((m) => `${f.path}:${m.line}:${m.column}+${m.length}`));
const legacyPath = (files: SearchFile[]) => files.find((f) => f.path.startsWith('legacy/'))!.path;

describe('search.start over one release', () => {
  it('finds a literal in several files, ordered by path, ignoring case by default and skipping binary files', async () => {
    const { summary, files } = await search({ pattern: 'payment' });
    expect(summary).toMatchObject({ totalFiles: 9, totalMatches: 12, truncated: false, releases: [{ component: 'archive', ref: 'refs/tags/v1.0.0', commit: v1 }] });
    expect(where(files)).toEqual([
      `${htmlName}:1:14+7`,
      'config/app.yaml:1:8+7',
      'docs/notes.md:1:1+7',
      'encoding/cp1251.txt:1:8+7',
      `${legacyPath(files)}:1:16+7`,
      'long/minified.js:1:1001+7',
      'src/main.go:3:4+7',
      'src/main.go:4:6+7',
      'src/main.go:5:8+7',
      'src/main.go:6:5+7',
      'src/pay/ledger.go:2:13+7',
      'vendor/lib/pay.go:1:16+7',
    ]);
    expect(files.map((f) => f.matchCount)).toEqual([1, 1, 1, 1, 1, 1, 4, 1, 1]);
    expect(files.every((f) => f.component === 'archive' && f.ref === 'refs/tags/v1.0.0' && f.commit === v1)).toBe(true);
    expect(files.find((f) => f.path === 'src/main.go')!.matches.map((m) => m.text)).toEqual(['// Payment entry point', 'func payment() {}', 'var prepayment = 1', 'var PAYMENT_LIMIT = 10']);
  });

  it('matches case only when asked, for Cyrillic too', async () => {
    expect(where((await search({ pattern: 'payment', caseSensitive: true, include: ['src/**', 'docs/**'] })).files)).toEqual([
      'src/main.go:4:6+7',
      'src/main.go:5:8+7',
      'src/pay/ledger.go:2:13+7',
    ]);
    // Columns count characters, not bytes: "Код: " is 5 characters and 8 bytes.
    expect(where((await search({ pattern: 'ПЛАТЁЖ' })).files)).toEqual(['ru/doc.txt:1:6+6', 'ru/doc.txt:2:1+6']);
    expect(where((await search({ pattern: 'ПЛАТЁЖ', caseSensitive: true })).files)).toEqual(['ru/doc.txt:2:1+6']);
  });

  it('matches whole words only when asked', async () => {
    const { files } = await search({ pattern: 'payment', wholeWord: true });
    expect(where(files)).toEqual([
      `${htmlName}:1:14+7`,
      'encoding/cp1251.txt:1:8+7',
      `${legacyPath(files)}:1:16+7`,
      'src/main.go:3:4+7',
      'src/main.go:4:6+7',
      'src/pay/ledger.go:2:13+7',
      'vendor/lib/pay.go:1:16+7',
    ]);
  });

  it('searches POSIX extended regular expressions and measures what they matched', async () => {
    expect(where((await search({ pattern: 'Ledger|PAYMENT_LIMIT', regex: true, caseSensitive: true })).files)).toEqual(['src/main.go:6:5+13', 'src/pay/ledger.go:2:6+6']);
    // POSIX takes the longest alternative: "payment", not JavaScript's first "pay".
    expect(where((await search({ pattern: 'pay|payment', regex: true, include: ['src/main.go'] })).files)).toEqual([
      'src/main.go:3:4+7',
      'src/main.go:4:6+7',
      'src/main.go:5:8+7',
      'src/main.go:6:5+7',
    ]);
    expect(where((await search({ pattern: '[[:upper:]]+_[[:upper:]]{2,}', regex: true, caseSensitive: true })).files)).toEqual(['src/main.go:6:5+13']);
    // A literal search takes regular-expression characters as text.
    expect((await search({ pattern: 'Ledger|PAYMENT_LIMIT' })).files).toEqual([]);
  });

  it('refuses an invalid regular expression with git\'s reason, and keeps no results for it', async () => {
    const outcome = await ws.dispatcher.invoke('search.start', { query: { pattern: '(', regex: true, scope: { kind: 'release', component: 'archive', ref: 'v1.0.0' } }, operationId: 'bad-regex-1' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The regular expression is not valid: Unmatched ( or \\(. Correct it, or turn regular expressions off to search for the text as typed.' } });
    expect(await ws.dispatcher.invoke('search.results', { searchId: 'bad-regex-1', offset: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses pathspec magic, ".." and multi-line patterns before git runs', async () => {
    const scope = { kind: 'release', component: 'archive', ref: 'v1.0.0' };
    for (const query of [
      { pattern: 'x', include: [':(top)src'], scope },
      { pattern: 'x', exclude: ['src/../..'], scope },
      { pattern: 'x', include: ['a\u0000b'], scope },
      { pattern: 'a\nb', scope },
      { pattern: '', scope },
      { pattern: 'x', scope: { kind: 'release', component: 'archive', ref: 'main~1' } },
    ]) {
      expect(await ws.dispatcher.invoke('search.start', { query }), JSON.stringify(query)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await ws.dispatcher.invoke('search.start', { query: { pattern: 'x', scope: { kind: 'release', component: 'archive', ref: 'v9' } } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('includes and excludes paths by glob', async () => {
    expect((await search({ pattern: 'payment', include: ['src/**/*.go'] })).files.map((f) => f.path)).toEqual(['src/main.go', 'src/pay/ledger.go']);
    // A glob without "/" matches at any depth, as in .gitignore.
    expect((await search({ pattern: 'payment', include: ['*.go'] })).files.map((f) => f.path)).toEqual(['src/main.go', 'src/pay/ledger.go', 'vendor/lib/pay.go']);
    expect((await search({ pattern: 'payment', include: ['*.go'], exclude: ['vendor/**'] })).files.map((f) => f.path)).toEqual(['src/main.go', 'src/pay/ledger.go']);
    expect((await search({ pattern: 'payment', include: ['/src/*.go', 'docs'], exclude: ['vendor'] })).files.map((f) => f.path)).toEqual(['docs/notes.md', 'src/main.go']);
  });

  it('takes patterns starting with "-" and holding ":" or "\'" as text', async () => {
    const flag = await search({ pattern: '-rf' });
    expect(where(flag.files)).toEqual(['scripts/clean.sh:1:4+3']);
    expect(where((await search({ pattern: '--force' })).files)).toEqual(['scripts/clean.sh:2:10+7']);
    const quoted = await search({ pattern: "name: 'pay" });
    expect(where(quoted.files)).toEqual(['config/app.yaml:1:1+10']);
    expect(quoted.files[0]!.matches[0]!.text).toBe("name: 'payments'");
  });

  it('reports file names that are HTML or not UTF-8, and content that is not UTF-8, as data', async () => {
    const { files } = await search({ pattern: 'payment' });
    const html = files.find((f) => f.path === htmlName)!;
    expect(html.matches).toEqual([{ line: 1, column: 14, length: 7, text: 'console.log("payment <b>ok</b>");', textStart: 0 }]);
    const legacy = files.find((f) => f.path.startsWith('legacy/'))!;
    expect(/[\uDC80-\uDCFF]/.test(legacy.path) && legacy.path.endsWith('.txt')).toBe(true);
    // The reported path opens the file: it is the same name the tree lists.
    const read = (await call(ws.dispatcher, 'file.read', { component: 'archive', ref: 'v1.0.0', path: legacy.path })) as { file: { text: string } };
    expect(read.file.text).toBe('package lib // payment vendored\n');
    expect(files.find((f) => f.path === 'encoding/cp1251.txt')!.matches[0]).toMatchObject({ column: 8, text: `${'\uFFFD'.repeat(6)} payment` });
    expect(files.find((f) => f.path === 'docs/notes.md')!.matches[0]!.text).toBe('Payments are recorded daily.');
  });

  it('cuts a long line around its match and says where the cut text starts', async () => {
    const { files } = await search({ pattern: 'payment', include: ['long/**'] });
    const [match] = files[0]!.matches;
    expect(match).toMatchObject({ line: 1, column: 1001, length: 7, textStart: 900 });
    expect(match!.text).toBe(longLine.slice(900, 1400));
    expect(match!.text.slice(match!.column - 1 - match!.textStart, match!.column - 1 - match!.textStart + match!.length)).toBe('payment');
  });

  it('stops at maxMatches, keeping the first matching lines in path order', async () => {
    const three = await search({ pattern: 'payment' }, { maxMatches: 3 });
    expect(three.summary).toMatchObject({ totalFiles: 3, totalMatches: 3, truncated: true });
    expect(three.files.map((f) => f.path)).toEqual([htmlName, 'config/app.yaml', 'docs/notes.md']);
    const eight = await search({ pattern: 'payment' }, { maxMatches: 8 });
    expect(eight.summary).toMatchObject({ totalFiles: 7, totalMatches: 8, truncated: true });
    expect(eight.files.at(-1)).toMatchObject({ path: 'src/main.go', matchCount: 2 });
    expect(eight.files.at(-1)!.matches.map((m) => m.line)).toEqual([3, 4]);
    // Exactly as many matches as allowed is not a truncation.
    expect((await search({ pattern: 'payment' }, { maxMatches: 12 })).summary).toMatchObject({ totalMatches: 12, truncated: false });
  });

  it('reports progress as files with matches are found', async () => {
    const events: Array<{ method: string; phase: string; completed: number | null; total: number | null; bytes: number | null }> = [];
    const stop = ws.workspace.events.subscribe((e) => {
      if (e.type === 'progress' && e.operationId === 'progress-test-1') events.push(e);
    });
    const summary = (await call(ws.dispatcher, 'search.start', { query: { pattern: 'payment', scope: { kind: 'release', component: 'archive', ref: 'v1.0.0' } }, operationId: 'progress-test-1' })) as SearchSummary;
    stop();
    expect(summary.searchId).toBe('progress-test-1');
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.method === 'search.start' && e.phase === 'searching' && e.total === null && e.bytes === null)).toBe(true);
    expect(events[0]!.completed).toBe(0);
    expect(events.at(-1)!.completed).toBe(9);
  });
});

describe('search.results', () => {
  it('pages through files by offset and limit', async () => {
    const { summary } = await search({ pattern: 'payment' });
    const page = (offset: number, limit: number) => call(ws.dispatcher, 'search.results', { searchId: summary.searchId, offset, limit }) as Promise<SearchPage>;
    const [first, second, third, past] = await Promise.all([page(0, 4), page(4, 4), page(8, 4), page(9, 4)]);
    expect(first.files.map((f) => f.path)).toEqual([htmlName, 'config/app.yaml', 'docs/notes.md', 'encoding/cp1251.txt']);
    expect(second.files.map((f) => f.path).slice(1)).toEqual(['long/minified.js', 'src/main.go', 'src/pay/ledger.go']);
    expect(third.files.map((f) => f.path)).toEqual(['vendor/lib/pay.go']);
    expect(past).toEqual({ done: true, totalFiles: 9, totalMatches: 12, truncated: false, files: [] });
  });

  it('keeps only the latest searches; an older or unknown id is NOT_FOUND', async () => {
    const query = { pattern: 'Ledger', scope: { kind: 'release', component: 'archive', ref: 'v1.0.0' } };
    for (let i = 0; i < 9; i++) await call(ws.dispatcher, 'search.start', { query, operationId: `evict-test-${i}` });
    expect(await ws.dispatcher.invoke('search.results', { searchId: 'evict-test-0' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Search evict-test-0 is no longer kept (only the latest searches are): run it again.' },
    });
    expect(await ws.dispatcher.invoke('search.results', { searchId: 'evict-test-8' })).toMatchObject({ ok: true, result: { done: true, totalFiles: 1 } });
    expect(await ws.dispatcher.invoke('search.results', { searchId: 'never-was-a-search' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves results while a search runs, and keeps them when it is cancelled', async () => {
    // Quick matches in many small files, then a file on which this backtracking expression takes minutes.
    const repo = await initRepository(path.join(await tempDir(), 'slow'));
    const quick = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${String(i).padStart(2, '0')}.txt`, 'c\n'.repeat(20)]));
    await commitFiles(repo, { ...quick, 'z.txt': `${'ab'.repeat(16)}x\n`.repeat(50) }, 'slow');
    await call(ws.dispatcher, 'component.add', { name: 'slow', source: repo });
    await call(ws.dispatcher, 'sync.run', { components: ['slow'] });
    const query = { pattern: '(.*)(.*)(.*)(.*)(.*)\\5\\4\\3\\2\\1c', regex: true, scope: { kind: 'release', component: 'slow', ref: 'main' } };
    const running = ws.dispatcher.invoke('search.start', { query, operationId: 'slow-search-1' });
    const results = (offset: number, limit: number) => call(ws.dispatcher, 'search.results', { searchId: 'slow-search-1', offset, limit }) as Promise<SearchPage>;
    let page = await results(0, 200);
    expect(page).toMatchObject({ done: false, files: [] });
    for (let waited = 0; page.files.length === 0 && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      page = await results(0, 200);
    }
    expect(page.done).toBe(false);
    expect(page.files.length).toBeGreaterThan(1);
    expect(page.files[0]).toMatchObject({ component: 'slow', ref: 'refs/heads/main', path: 'a00.txt', matchCount: 20 });
    expect((await results(1, 1)).files.map((f) => f.path)).toEqual(['a01.txt']);

    expect(await ws.dispatcher.invoke('operation.cancel', { operationId: 'slow-search-1' })).toEqual({ ok: true, result: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const after = await results(0, 200);
    expect(after).toMatchObject({ done: true, truncated: true });
    expect(after.files.length).toBeGreaterThanOrEqual(page.files.length);
    expect(after.files.every((f) => f.path !== 'z.txt')).toBe(true);
  });
});

describe('search.start over the pinned releases', () => {
  it('says what to do when nothing is pinned', async () => {
    expect(await ws.dispatcher.invoke('search.start', { query: { pattern: 'payment', scope: { kind: 'pinned' } } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No release is pinned in any component yet: pin one with "release pin NAME REF" first, or search one release.' },
    });
  });

  it('searches the newest pinned release of every component, component by component', async () => {
    await call(ws.dispatcher, 'release.pin', { component: 'billing', ref: 'v1' });
    await call(ws.dispatcher, 'release.pin', { component: 'archive', ref: 'v1.0.0' });
    const summary = (await call(ws.dispatcher, 'search.start', { query: { pattern: 'payment', wholeWord: true, scope: { kind: 'pinned' } } })) as SearchSummary;
    expect(summary).toMatchObject({
      totalFiles: 7,
      totalMatches: 8,
      truncated: false,
      releases: [
        { component: 'archive', ref: 'refs/tags/v1.0.0', commit: v1 },
        { component: 'billing', ref: 'refs/tags/v1', commit: billingCommit },
      ],
    });
    const { files } = (await call(ws.dispatcher, 'search.results', { searchId: summary.searchId, offset: 5, limit: 10 })) as SearchPage;
    expect(files.map((f) => `${f.component}:${f.path}`)).toEqual(['archive:vendor/lib/pay.go', 'billing:billing.go']);
    expect(files[1]!.matches).toEqual([{ line: 3, column: 17, length: 7, text: 'func Charge() { payment() }', textStart: 0 }]);
  });
});
