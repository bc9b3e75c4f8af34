import { describe, expect, it } from 'vitest';
import { formatLocation, parseLocation } from '../../shared/domain/code-location.js';

const COMMIT = '2e5e535e4bac826a85493b737fd12fd61bedd94c';

describe('code locations', () => {
  it('format and parse component@commit:path#L10-L20', () => {
    const location = { component: 'payments-gateway', commit: COMMIT, path: 'internal/storage/transactions.go', startLine: 10, endLine: 20 };
    const text = formatLocation(location);
    expect(text).toBe(`payments-gateway@${COMMIT}:internal/storage/transactions.go#L10-L20`);
    expect(parseLocation(text)).toEqual(location);
  });

  it('write one line as #L5 and no lines as the bare path', () => {
    expect(formatLocation({ component: 'a', commit: 'abcd', path: 'x.go', startLine: 5, endLine: 5 })).toBe('a@abcd:x.go#L5');
    expect(parseLocation('a@abcd:x.go#L5')).toEqual({ component: 'a', commit: 'abcd', path: 'x.go', startLine: 5, endLine: null });
    expect(parseLocation('a@abcd:dir/x.go')).toEqual({ component: 'a', commit: 'abcd', path: 'dir/x.go', startLine: null, endLine: null });
  });

  it('keep paths that hold ":" "@" or "#" intact', () => {
    expect(parseLocation(`c@${COMMIT}:docs/a:b@c#notes.md#L3`)).toMatchObject({ path: 'docs/a:b@c#notes.md', startLine: 3 });
  });

  it('refuse what is not a location', () => {
    for (const bad of ['', 'x.go', '@abcd:x.go', 'c@HEAD~1:x.go', 'c@abcd:', 'c@abcd:/etc/passwd', 'c@abcd:x#L0', 'c@abcd:x#L9-L3', '<img>@abcd:x']) {
      expect(parseLocation(bad), bad).toBeNull();
    }
  });
});
