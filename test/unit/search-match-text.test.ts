import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../shared/contract/search.js';
import { matchDescriber } from '../../electron/core/search/match-text.js';
import { globPathspecs } from '../../electron/core/search/path-globs.js';
import { posixMatchMeasure } from '../../electron/core/search/posix-regex.js';

const query = (pattern: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  pattern, regex: false, caseSensitive: false, wholeWord: false, include: [], exclude: [], scope: { kind: 'pinned' }, ...more,
});

describe('a matching line as the reader sees it', () => {
  it('counts columns in characters and drops a carriage return', () => {
    const describe = matchDescriber(query('платёж'));
    // "Код: " is 8 bytes, 5 characters: git says byte 9, the reader sees column 6.
    expect(describe(4, Buffer.from('Код: платёж\r'), 9)).toEqual({ line: 4, column: 6, length: 6, text: 'Код: платёж', textStart: 0 });
  });

  it('decodes a line that is not UTF-8 with replacement marks', () => {
    const line = Buffer.concat([Buffer.from([0xcf, 0xeb]), Buffer.from(' payment')]);
    expect(matchDescriber(query('payment'))(1, line, 4)).toEqual({ line: 1, column: 4, length: 7, text: '\uFFFD\uFFFD payment', textStart: 0 });
  });

  it('cuts a long line to 500 characters around the match', () => {
    const line = `${'a'.repeat(3000)}needle${'b'.repeat(3000)}`;
    const match = matchDescriber(query('needle'))(1, Buffer.from(line), 3001);
    expect(match).toMatchObject({ column: 3001, length: 6, textStart: 2900 });
    expect(match.text).toHaveLength(500);
    expect(match.text.slice(100, 106)).toBe('needle');
    const atEnd = matchDescriber(query('b'))(1, Buffer.from(line), 6006);
    expect(atEnd).toMatchObject({ column: 6006, textStart: 5506 });
    expect(atEnd.text).toHaveLength(500);
  });

  it('never cuts a surrogate pair in half', () => {
    const line = `${'😀'.repeat(400)}needle${'😀'.repeat(400)}`;
    const match = matchDescriber(query('needle'))(1, Buffer.from(line), Buffer.byteLength('😀'.repeat(400)) + 1);
    expect(match.column).toBe(801);
    expect(match.textStart).toBe(700);
    expect(match.text.startsWith('😀')).toBe(true);
    expect(/[\uD800-\uDBFF]$/.test(match.text)).toBe(false);
  });
});

describe('the length of a regular-expression match', () => {
  const measure = (pattern: string, text: string, start: number, options = { caseSensitive: false, wholeWord: false }) => posixMatchMeasure(pattern, options)?.(text, start) ?? null;

  it('takes the longest alternative, as POSIX does', () => {
    expect(measure('pay|payment', 'a payment', 2)).toBe(7);
    expect(measure('(a|ab)(c|bcd)', 'abcd', 0)).toBe(4);
  });

  it('translates bracket classes and GNU word anchors', () => {
    expect(measure('[[:upper:]_]+', 'var PAYMENT_LIMIT = 1', 4, { caseSensitive: true, wholeWord: false })).toBe(13);
    expect(measure('\\<pay[[:alpha:]]*\\>', 'x payments y', 2)).toBe(8);
    expect(measure('[]a\\]+', 'x]a\\\\y', 1)).toBe(4);
  });

  it('ends a whole-word match at a word boundary', () => {
    expect(measure('pay|payment', 'payment!', 0, { caseSensitive: false, wholeWord: true })).toBe(7);
  });

  it('gives up (the pattern length is used) on what it cannot translate or does not match there', () => {
    expect(posixMatchMeasure('[[:nosuch:]]', { caseSensitive: false, wholeWord: false })).toBeNull();
    expect(posixMatchMeasure('a\\', { caseSensitive: false, wholeWord: false })).toBeNull();
    expect(measure('abc', 'xyz', 0)).toBeNull();
    expect(matchDescriber(query('[[:nosuch:]]x', { regex: true }))(1, Buffer.from('xxxxxxxxxxxxxxxxxxxx'), 1).length).toBe(13);
  });
});

describe('path globs as pathspecs', () => {
  it('reads globs as .gitignore does', () => {
    expect(globPathspecs(['src/**/*.go'], [])).toEqual([':(glob)src/**/*.go', ':(glob)src/**/*.go/**']);
    expect(globPathspecs(['*.go'], ['vendor'])).toEqual([':(glob)**/*.go', ':(glob)**/*.go/**', ':(exclude,glob)**/vendor', ':(exclude,glob)**/vendor/**']);
    expect(globPathspecs(['/main.go', 'docs/'], ['/'])).toEqual([':(glob)main.go', ':(glob)main.go/**', ':(glob)**/docs/**', ':(exclude,glob)**']);
  });
});
