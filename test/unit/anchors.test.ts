import { describe, expect, it } from 'vitest';
import {
  ANCHOR_CONTEXT_LINES,
  anchoredText,
  anchorParts,
  findSnippet,
  mapThroughHunks,
  parseUnifiedZeroHunks,
  splitLines,
  type DiffHunk,
} from '../../shared/domain/anchors.js';
import { AppError } from '../../shared/errors.js';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number): DiffHunk => ({ oldStart, oldLines, newStart, newLines });

describe('splitLines', () => {
  it('splits at LF and CRLF, and a final newline does not add an empty line', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb\nc')).toEqual(['a', 'b', 'c']);
  });

  it('keeps empty lines in the middle and at the end before the final newline', () => {
    expect(splitLines('a\n\nb\n\n')).toEqual(['a', '', 'b', '']);
    expect(splitLines('\n')).toEqual(['']);
    expect(splitLines('')).toEqual([]);
  });

  it('leaves a lone CR inside its line (git numbers lines by LF only)', () => {
    expect(splitLines('a\rb\nc\n')).toEqual(['a\rb', 'c']);
  });
});

describe('anchorParts', () => {
  const file = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10'];

  it('takes the lines and up to three context lines on each side', () => {
    expect(ANCHOR_CONTEXT_LINES).toBe(3);
    expect(anchorParts(file, 5, 6)).toEqual({ lines: ['l5', 'l6'], before: ['l2', 'l3', 'l4'], after: ['l7', 'l8', 'l9'] });
  });

  it('has shorter context at the edges of the file', () => {
    expect(anchorParts(file, 1, 2)).toEqual({ lines: ['l1', 'l2'], before: [], after: ['l3', 'l4', 'l5'] });
    expect(anchorParts(file, 9, 10)).toEqual({ lines: ['l9', 'l10'], before: ['l6', 'l7', 'l8'], after: [] });
    expect(anchorParts(['only'], 1, 1)).toEqual({ lines: ['only'], before: [], after: [] });
  });

  it('refuses a range outside the file with INVALID_INPUT and the file length', () => {
    for (const [start, end] of [[0, 1], [5, 4], [10, 11], [11, 11], [1.5, 2]] as const) {
      let caught: unknown;
      try {
        anchorParts(file, start, end);
      } catch (error) {
        caught = error;
      }
      expect(caught, `${start}-${end}`).toBeInstanceOf(AppError);
      const error = caught as AppError;
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.messageKey).toBe('error.anchor.outsideFile');
      expect(error.params).toEqual({ startLine: start, endLine: end, lineCount: 10 });
    }
    expect(() => anchorParts([], 1, 1)).toThrow('Lines 1–1 are outside the file, which has 0 lines.');
  });

  it('joins the anchored lines with LF for hashing, nothing after the last', () => {
    expect(anchoredText(['a', 'b'])).toBe('a\nb');
    expect(anchoredText(['a'])).toBe('a');
  });
});

describe('parseUnifiedZeroHunks', () => {
  it('reads hunk headers of `git diff -U0`, with the omitted ",1" and 0-length sides', () => {
    // Captured from git 2.39: `git diff -U0 <blob> <blob>`.
    const out = [
      'diff --git a/9405325 b/303b885',
      'index 9405325..303b885 100644',
      '--- a/940532533944dd159bfd11136fac2ee35872de38',
      '+++ b/303b88536cbdadb8737d60409a561899b182055a',
      '@@ -0,0 +1 @@',
      '+x',
      '@@ -4 +5 @@ c',
      '-d',
      '+y',
      '@@ -5,0 +7 @@ e',
      '+z',
      '@@ -8,2 +9,0 @@ func() {',
      '-@@ -1 +1 @@ a vendor line that looks like a header',
      '-gone',
      '',
    ].join('\n');
    expect(parseUnifiedZeroHunks(out)).toEqual([hunk(0, 0, 1, 1), hunk(4, 1, 5, 1), hunk(5, 0, 7, 1), hunk(8, 2, 9, 0)]);
  });

  it('finds no hunks in an empty diff', () => {
    expect(parseUnifiedZeroHunks('')).toEqual([]);
  });
});

describe('mapThroughHunks', () => {
  // The anchor is old lines 10–12 throughout.
  const map = (...hunks: DiffHunk[]) => mapThroughHunks(10, 12, hunks);

  it('keeps the lines when nothing changed', () => {
    expect(map()).toEqual({ startLine: 10, endLine: 12 });
  });

  it('shifts down by lines inserted above, including at the top and right above the range', () => {
    expect(map(hunk(3, 0, 4, 2))).toEqual({ startLine: 12, endLine: 14 });
    expect(map(hunk(0, 0, 1, 1))).toEqual({ startLine: 11, endLine: 13 });
    expect(map(hunk(9, 0, 10, 3))).toEqual({ startLine: 13, endLine: 15 });
  });

  it('does not move for lines inserted below, including right below the range', () => {
    expect(map(hunk(12, 0, 13, 5))).toEqual({ startLine: 10, endLine: 12 });
    expect(map(hunk(40, 0, 41, 1))).toEqual({ startLine: 10, endLine: 12 });
  });

  it('returns null for lines inserted inside the range', () => {
    expect(map(hunk(10, 0, 11, 1))).toBeNull();
    expect(map(hunk(11, 0, 12, 4))).toBeNull();
  });

  it('shifts up by lines deleted above, including right above the range', () => {
    expect(map(hunk(2, 3, 1, 0))).toEqual({ startLine: 7, endLine: 9 });
    expect(map(hunk(9, 1, 8, 0))).toEqual({ startLine: 9, endLine: 11 });
  });

  it('returns null when an anchored line is deleted or changed, at either edge or across the range', () => {
    expect(map(hunk(10, 1, 9, 0))).toBeNull();
    expect(map(hunk(12, 1, 12, 1))).toBeNull();
    expect(map(hunk(8, 3, 8, 1))).toBeNull();
    expect(map(hunk(12, 2, 11, 0))).toBeNull();
    expect(map(hunk(1, 30, 1, 30))).toBeNull();
  });

  it('adds up changes above and ignores changes below', () => {
    expect(map(hunk(0, 0, 1, 2), hunk(4, 1, 6, 3), hunk(7, 2, 11, 0), hunk(13, 1, 13, 9))).toEqual({ startLine: 12, endLine: 14 });
  });

  it('maps a one-line range with a change right above and right below', () => {
    expect(mapThroughHunks(5, 5, [hunk(4, 1, 4, 2), hunk(6, 1, 7, 1)])).toEqual({ startLine: 6, endLine: 6 });
    expect(mapThroughHunks(5, 5, [hunk(5, 0, 6, 1)])).toEqual({ startLine: 5, endLine: 5 });
    expect(mapThroughHunks(5, 5, [hunk(4, 0, 5, 1)])).toEqual({ startLine: 6, endLine: 6 });
  });
});

describe('findSnippet', () => {
  const anchor = { lines: ['  check(x);', '  use(x);'], before: ['fn a() {'], after: ['}'], startLine: 2 };

  it('finds the lines anywhere in the file', () => {
    expect(findSnippet(anchor, ['// header', '', '', 'fn a() {', '  check(x);', '  use(x);', '}'])).toEqual({ startLine: 5, endLine: 6 });
  });

  it('ignores differences in trailing whitespace only', () => {
    expect(findSnippet(anchor, ['fn a() {  ', '  check(x);\t', '  use(x);\r', '}'])).toEqual({ startLine: 2, endLine: 3 });
    expect(findSnippet(anchor, ['fn a() {', 'check(x);', '  use(x);', '}'])).toBeNull();
  });

  it('returns null when the lines are not there together, or the file is shorter', () => {
    expect(findSnippet(anchor, ['  check(x);', 'other', '  use(x);'])).toBeNull();
    expect(findSnippet(anchor, ['  check(x);'])).toBeNull();
    expect(findSnippet({ ...anchor, lines: [] }, ['a'])).toBeNull();
  });

  it('chooses among duplicates the copy whose context agrees, even when another is nearer', () => {
    const dup = { lines: ['return null;'], before: ['if (!b) {'], after: ['}'], startLine: 2 };
    const file = ['if (!a) {', 'return null;', '}', 'if (!b) {', 'return null;', '}', 'if (!c) {', 'return null;', '}'];
    expect(findSnippet(dup, file)).toEqual({ startLine: 5, endLine: 5 });
  });

  it('weighs the context on both sides', () => {
    const dup = { lines: ['x'], before: ['p', 'q'], after: ['r', 's'], startLine: 1 };
    const file = ['q', 'x', 'r', '-', 'p', 'q', 'x', 'r', 's', '-', 'q', 'x', 'r'];
    expect(findSnippet(dup, file)).toEqual({ startLine: 7, endLine: 7 });
  });

  it('among copies with equally good context, chooses the one nearest the old position, then the earlier', () => {
    const dup = { lines: ['x'], before: [], after: [], startLine: 6 };
    expect(findSnippet(dup, ['x', '-', '-', '-', '-', '-', 'x', '-', 'x'])).toEqual({ startLine: 7, endLine: 7 });
    expect(findSnippet(dup, ['-', '-', '-', '-', 'x', '-', 'x'])).toEqual({ startLine: 5, endLine: 5 });
  });
});
