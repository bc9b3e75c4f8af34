import { describe, expect, it } from 'vitest';
import { searchMethods } from '../../shared/contract/search.js';
import { AppError } from '../../shared/errors.js';
import { SearchRun } from '../../electron/core/search/search-run.js';
import { KEPT_SEARCHES, SearchStore } from '../../electron/core/search/search-store.js';

const COMMIT = 'a'.repeat(40);
const release = (component: string) => ({ component, ref: 'refs/tags/v1', commit: COMMIT });
let described = 0;
const describeLine = (line: number, text: Buffer, byteColumn: number) => {
  described++;
  return { line, column: byteColumn, length: 1, text: text.toString(), textStart: 0 };
};
const newRun = (id: string, maxMatches: number) => new SearchRun(id, maxMatches, describeLine);
/** Arguments of one matching line: line number, byte column, text. */
const match = (line: number): [number, number, Buffer] => [line, 1, Buffer.from(`line ${line}`)];
const paths = (run: SearchRun) => run.page(0, 100).files.map((f) => `${f.component}:${f.path}:${f.matchCount}`);

describe('a search run', () => {
  it('publishes files in release order, holding back a release that finished before the one ahead of it', () => {
    const run = newRun('run-1', 100);
    const [first, second] = run.begin([release('alpha'), release('beta')]);
    second!.add('b.go', ...match(1));
    second!.finish();
    expect(paths(run)).toEqual([]);
    first!.add('a.go', ...match(1));
    first!.add('a.go', ...match(2));
    first!.add('c.go', ...match(5));
    // a.go is complete once c.go starts: it can be paged while the search runs.
    expect(paths(run)).toEqual(['alpha:a.go:2']);
    expect(run.page(0, 10)).toMatchObject({ done: false, totalFiles: 1, totalMatches: 2 });
    first!.finish();
    run.finish();
    expect(paths(run)).toEqual(['alpha:a.go:2', 'alpha:c.go:1', 'beta:b.go:1']);
    expect(run.page(1, 1).files.map((f) => f.path)).toEqual(['c.go']);
    expect(run.summary()).toEqual({ totalFiles: 3, totalMatches: 4, truncated: false });
    expect(run.releases.map((r) => r.component)).toEqual(['alpha', 'beta']);
  });

  it('keeps the first maxMatches lines in release order and stops every release', () => {
    const run = newRun('run-2', 3);
    const [first, second] = run.begin([release('alpha'), release('beta')]);
    expect([1, 2].map((l) => second!.add('b.go', ...match(l)))).toEqual([true, true]);
    second!.finish();
    expect(first!.add('a.go', ...match(1))).toBe(true);
    first!.finish();
    expect(run.full.aborted).toBe(false);
    expect(paths(run)).toEqual(['alpha:a.go:1', 'beta:b.go:2']);
    const run2 = newRun('run-3', 3);
    const [a, b] = run2.begin([release('alpha'), release('beta')]);
    b!.add('b.go', ...match(1));
    b!.add('b.go', ...match(2));
    b!.finish();
    a!.add('a.go', ...match(1));
    a!.add('a.go', ...match(2));
    a!.finish();
    expect(run2.full.aborted).toBe(true);
    expect(run2.summary()).toEqual({ totalFiles: 2, totalMatches: 3, truncated: true });
    expect(run2.page(0, 10).files[1]).toMatchObject({ path: 'b.go', matchCount: 1, matches: [{ line: 1 }] });
  });

  it('decodes lines only when a page shows them, except very long ones', () => {
    const run = newRun('run-lazy', 100);
    const [only] = run.begin([release('alpha')]);
    described = 0;
    only!.add('a.go', ...match(1));
    only!.add('b.go', 7, 3, Buffer.alloc(5000, 0x61));
    only!.add('c.go', ...match(2));
    only!.finish();
    expect(described).toBe(1);
    expect(run.page(1, 2).files.map((f) => f.matches[0]!.text.length)).toEqual([5000, 6]);
    expect(described).toBe(2);
    expect(run.page(0, 3).files[0]!.matches).toEqual([{ line: 1, column: 1, length: 1, text: 'line 1', textStart: 0 }]);
    run.page(0, 3);
    expect(described).toBe(3);
  });

  it('stops a release that alone passes the limit, and lists at most 50 matches per file', () => {
    const run = newRun('run-4', 60);
    const [only] = run.begin([release('alpha')]);
    let accepted = 0;
    for (let l = 1; l <= 70 && only!.add('big.txt', ...match(l)); l++) accepted++;
    only!.finish();
    expect(accepted).toBe(60);
    expect(run.summary()).toEqual({ totalFiles: 1, totalMatches: 60, truncated: true });
    expect(run.page(0, 1).files[0]!.matches).toHaveLength(50);
  });
});

describe('the search store', () => {
  it(`keeps the latest ${KEPT_SEARCHES} searches and answers NOT_FOUND for the others`, () => {
    const store = new SearchStore();
    const runs = Array.from({ length: KEPT_SEARCHES + 1 }, (_, i) => newRun(`search-${i}`, 10));
    for (const run of runs) store.add(run);
    expect(() => store.require('search-0')).toThrow(AppError);
    expect(() => store.require('search-0')).toThrow('Search search-0 is no longer kept');
    expect(store.require(`search-${KEPT_SEARCHES}`)).toBe(runs[KEPT_SEARCHES]);
    // Running a search again under the same id replaces it and makes it the newest.
    store.add(newRun('search-1', 10));
    store.add(newRun('search-new', 10));
    expect(() => store.require('search-2')).toThrow(AppError);
    expect(store.require('search-1').maxMatches).toBe(10);
  });
});

describe('the search contract', () => {
  const input = searchMethods['search.start'].input;
  const scope = { kind: 'pinned' };
  it('fills defaults', () => {
    expect(input.parse({ query: { pattern: 'x', scope } })).toEqual({
      query: { pattern: 'x', regex: false, caseSensitive: false, wholeWord: false, include: [], exclude: [], scope },
      maxMatches: 10_000,
    });
  });

  it('refuses globs that could carry pathspec magic or leave the release, and unusable patterns', () => {
    const bad = [
      { pattern: 'x', include: [':(top)x'], scope },
      { pattern: 'x', exclude: ['a/../b'], scope },
      { pattern: 'x', include: [''], scope },
      { pattern: 'x', include: ['x'.repeat(501)], scope },
      { pattern: 'x', include: Array.from({ length: 21 }, () => 'a'), scope },
      { pattern: 'x'.repeat(1001), scope },
      { pattern: 'a\u0000b', scope },
      { pattern: 'x', scope: { kind: 'release', component: 'a', ref: 'v1^' } },
      { pattern: 'x', scope, extra: true },
    ];
    for (const query of bad) expect(input.safeParse({ query }).success, JSON.stringify(query)).toBe(false);
    expect(input.safeParse({ query: { pattern: 'x', scope }, maxMatches: 100_001 }).success).toBe(false);
    expect(searchMethods['search.results'].input.safeParse({ searchId: 'abc', offset: 0, limit: 201 }).success).toBe(false);
  });
});
