import { describe, expect, it } from 'vitest';
import { fuzzyMatch, rankPaths } from '../../renderer/src/features/quick-open/fuzzy.js';

const paths = [
  'internal/storage/transactions.go',
  'internal/storage/refunds.go',
  'internal/httpapi/server.go',
  'cmd/gateway/main.go',
  'docs/transactions-overview.md',
  'test/storage/transactions_test.go',
];

describe('fuzzy path matching', () => {
  it('needs every query character in order', () => {
    expect(fuzzyMatch('tgo', 'internal/storage/transactions.go')).not.toBeNull();
    expect(fuzzyMatch('zz', 'internal/storage/transactions.go')).toBeNull();
    expect(fuzzyMatch('og', 'go')).toBeNull();
  });

  it('ranks segment starts and file names first', () => {
    expect(rankPaths('strans', paths).map((m) => m.path)[0]).toBe('internal/storage/transactions.go');
    expect(rankPaths('main', paths).map((m) => m.path)[0]).toBe('cmd/gateway/main.go');
    expect(rankPaths('srv', paths).map((m) => m.path)[0]).toBe('internal/httpapi/server.go');
  });

  it('finds a match even where preferring word starts would skip past it', () => {
    expect(fuzzyMatch('ab', 'xa/b')).not.toBeNull();
    expect(fuzzyMatch('aab', 'a_ab')).not.toBeNull();
  });

  it('reports the matched positions for highlighting', () => {
    expect(fuzzyMatch('mg', 'cmd/main.go')!.positions).toEqual([4, 9]);
  });

  it('highlights a query typed as the file name in the name, not scattered over the folders', () => {
    expect(fuzzyMatch('ArchiveExport.pas', 'legacy/delphi/ArchiveExport.pas')!.positions[0]).toBe('legacy/delphi/'.length);
    expect(fuzzyMatch('Archive', 'legacy/delphi/ArchiveExport.pas')!.positions).toEqual([14, 15, 16, 17, 18, 19, 20]);
  });

  it('is fast enough for 100k paths', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `pkg${i % 300}/module${i % 17}/file${i}.go`);
    const started = performance.now();
    const top = rankPaths('m5f99999', many, 50);
    expect(top[0]!.path).toBe('pkg99/module5/file99999.go');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
