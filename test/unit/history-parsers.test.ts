import { describe, expect, it } from 'vitest';
import { parseBlamePorcelain, unquoteGitPath } from '../../electron/git/blame.js';
import { parseDiffTree } from '../../electron/git/diff-tree.js';
import { isoFromGitTime, parseIdentityLine } from '../../electron/git/identity-line.js';
import { parseFileHistory } from '../../electron/git/log.js';
import { isWithin, literalPathspec, sortByPathBytes } from '../../electron/core/history/path-arguments.js';
import { AppError } from '../../shared/errors.js';

const A = 'a581ed23356478c83f8cf0b084a147db6e728837';
const B = 'fb80ca774151966514b7f1d8c1ab2149e68f523c';
const Z = '0'.repeat(40);
const O1 = '87ae6b695deceaf160611414f7dcd5c7366b2e79';
const O2 = '22f6b3b038c9c8f81e86f801c481bbf851e477fe';
const nul = (...parts: Array<string | Buffer>) => Buffer.concat(parts.flatMap((p) => [Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'), Buffer.from([0])]));

describe('diff-tree -z --raw --numstat', () => {
  it('pairs raw records with line counts: modified binary, added, renamed, mode change', () => {
    // Captured from git 2.39 (`diff-tree -r -z -M --raw --numstat`), oids shortened to two.
    const out = nul(
      `:100644 100644 ${O1} ${O2} M`, 'b.bin',
      `:000000 100644 ${Z} ${O2} A`, 'new.txt',
      `:100644 100644 ${O1} ${O2} R085`, 'a.txt', 'renamed.txt',
      `:100644 100755 ${O1} ${O1} M`, 'src/m.go',
      '-\t-\tb.bin', '1\t0\tnew.txt', '1\t0\t', 'a.txt', 'renamed.txt', '0\t0\tsrc/m.go',
    );
    expect(parseDiffTree(out)).toEqual([
      { letter: 'M', path: 'b.bin', oldPath: null, oldMode: '100644', newMode: '100644', oldOid: O1, newOid: O2, additions: null, deletions: null },
      { letter: 'A', path: 'new.txt', oldPath: null, oldMode: null, newMode: '100644', oldOid: null, newOid: O2, additions: 1, deletions: 0 },
      { letter: 'R', path: 'renamed.txt', oldPath: 'a.txt', oldMode: '100644', newMode: '100644', oldOid: O1, newOid: O2, additions: 1, deletions: 0 },
      { letter: 'M', path: 'src/m.go', oldPath: null, oldMode: '100644', newMode: '100755', oldOid: O1, newOid: O1, additions: 0, deletions: 0 },
    ]);
  });

  it('reads deletions, type changes, gitlinks and names with tabs, newlines and bytes that are not UTF-8', () => {
    const latin = Buffer.from([0x64, 0xe9, 0x6a, 0xe0]); // "déjà" in latin-1
    const out = nul(
      `:100644 000000 ${O1} ${Z} D`, 'gone\tname',
      `:100644 120000 ${O1} ${O2} T`, 'link\nname',
      `:000000 160000 ${Z} ${O2} A`, 'vendor/lib',
      `:100664 100644 ${O1} ${O2} M`, latin,
      '0\t3\tgone\tname', '1\t1\tlink\nname', '1\t0\tvendor/lib', Buffer.concat([Buffer.from('2\t2\t'), latin]),
    );
    const changes = parseDiffTree(out);
    expect(changes.map((c) => [c.letter, c.path, c.oldMode, c.newMode, c.additions, c.deletions])).toEqual([
      ['D', 'gone\tname', '100644', null, 0, 3],
      ['T', 'link\nname', '100644', '120000', 1, 1],
      ['A', 'vendor/lib', null, '160000', 1, 0],
      ['M', 'd\udce9j\udce0', '100644', '100644', 2, 2],
    ]);
    expect(changes[0]!.newOid).toBeNull();
  });

  it('is empty for no changes and refuses counts that do not pair with records', () => {
    expect(parseDiffTree(Buffer.alloc(0))).toEqual([]);
    expect(() => parseDiffTree(nul(`:100644 100644 ${O1} ${O2} M`, 'a'))).toThrow(/fewer line counts/);
    expect(() => parseDiffTree(nul(`:100644 100644 ${O1} ${O2} M`, 'a', '1\t1\ta', '1\t1\tb'))).toThrow(/more line counts/);
    expect(() => parseDiffTree(nul(':bogus', 'a'))).toThrow(/malformed diff-tree record/);
  });
});

// Captured from git 2.39: a.txt (5 lines, commit B) renamed to renamed.txt with a sixth line (commit A).
const BLAME = `${B} 1 1 5
author A. Vendor
author-mail <a@vendor.example>
author-time 1735689600
author-tz +0500
committer A
committer-mail <a@x>
committer-time 1735689600
committer-tz +0500
summary first <b>bold</b>
boundary
filename a.txt
\tone
${B} 2 2
\ttwo
${B} 3 3
\tthree
${B} 4 4
\tfour
${B} 5 5
\tfive
${A} 6 6 1
author Б. Разработчик
author-mail <b@vendor.example>
author-time 1735776000
author-tz -0330
committer A
committer-mail <a@x>
committer-time 1735776000
committer-tz +0000
summary second
previous ${B} a.txt
filename renamed.txt
\tsix
${B} 7 7 2
\tseven
${B} 8 8
\teight
`;

describe('blame --porcelain', () => {
  it('reads ranges, original paths and each commit once, with ISO times in the author offset', () => {
    const blame = parseBlamePorcelain(Buffer.from(BLAME, 'utf8'));
    expect(blame.lines).toBe(8);
    expect(blame.ranges).toEqual([
      { start: 1, count: 5, commit: B, originalPath: 'a.txt', originalStart: 1 },
      { start: 6, count: 1, commit: A, originalPath: 'renamed.txt', originalStart: 6 },
      { start: 7, count: 2, commit: B, originalPath: 'a.txt', originalStart: 7 },
    ]);
    expect(Object.fromEntries(blame.commits)).toEqual({
      [B]: { author: 'A. Vendor', authorEmail: 'a@vendor.example', authorTime: '2025-01-01T05:00:00+05:00', summary: 'first <b>bold</b>' },
      [A]: { author: 'Б. Разработчик', authorEmail: 'b@vendor.example', authorTime: '2025-01-01T20:30:00-03:30', summary: 'second' },
    });
  });

  it('joins neighbouring groups from the same place of one commit', () => {
    const out = `${B} 1 1 1\nauthor A\nauthor-mail <a@x>\nauthor-time 0\nauthor-tz +0000\nsummary s\nfilename f\n\tx\n${B} 2 2 1\n\ty\n`;
    expect(parseBlamePorcelain(Buffer.from(out)).ranges).toEqual([{ start: 1, count: 2, commit: B, originalPath: 'f', originalStart: 1 }]);
  });

  it('unquotes C-quoted file names back to their bytes', () => {
    expect(unquoteGitPath('"we\\tird \\"q\\" \\\\"')).toBe('we\tird "q" \\');
    expect(unquoteGitPath('"a\\nb"')).toBe('a\nb');
    expect(unquoteGitPath('"\\320\\224.txt"')).toBe('Д.txt');
    expect(unquoteGitPath('"\\351t\\351"')).toBe('\udce9t\udce9');
    expect(unquoteGitPath(Buffer.from('plain ü.txt', 'utf8').toString('latin1'))).toBe('plain ü.txt');
  });
});

describe('log --follow --name-status -z', () => {
  it('reads commits with the path each had, across a rename', () => {
    // Captured from git 2.39 with --format=%H%x00%an%x00%ae%x00%aI%x00%s.
    const out = Buffer.concat([
      nul(A, 'Dev', 'dev@x', '2025-01-02T10:00:00+05:00', 'second: rename'),
      nul('\nR085', 'a.txt', 'renamed.txt'),
      nul(B, 'Дев', 'dev2@x', '2025-01-01T10:00:00+05:00', ''),
      nul('\nA', 'a.txt'),
    ]);
    expect(parseFileHistory(out)).toEqual([
      { commit: A, path: 'renamed.txt', status: 'R', author: 'Dev', authorEmail: 'dev@x', date: '2025-01-02T10:00:00+05:00', subject: 'second: rename' },
      { commit: B, path: 'a.txt', status: 'A', author: 'Дев', authorEmail: 'dev2@x', date: '2025-01-01T10:00:00+05:00', subject: '' },
    ]);
  });

  it('is empty for no output and refuses garbage', () => {
    expect(parseFileHistory(Buffer.alloc(0))).toEqual([]);
    expect(() => parseFileHistory(nul('not-a-commit'))).toThrow(/malformed log record/);
  });
});

describe('identity lines and times', () => {
  it('reads name, email and date in the person\'s own offset', () => {
    expect(parseIdentityLine('Vendor Dev <dev@vendor.example> 1735689600 +0500')).toEqual({ name: 'Vendor Dev', email: 'dev@vendor.example', date: '2025-01-01T05:00:00+05:00' });
    expect(parseIdentityLine('<nobody@x> 0 +0000')).toEqual({ name: '', email: 'nobody@x', date: '1970-01-01T00:00:00+00:00' });
    expect(isoFromGitTime(1735689600, '-0800')).toBe('2024-12-31T16:00:00-08:00');
  });
});

describe('path arguments', () => {
  it('makes literal pathspecs and refuses names git cannot be handed', () => {
    expect(literalPathspec(':(glob)*')).toBe(':(literal):(glob)*');
    expect(literalPathspec('-rf')).toBe(':(literal)-rf');
    expect(() => literalPathspec('legacy/\udcd1.txt')).toThrow(AppError);
  });

  it('tells folders apart from names that merely start alike', () => {
    expect(isWithin('src/a.ts', 'src')).toBe(true);
    expect(isWithin('src', 'src')).toBe(true);
    expect(isWithin('srcx/a.ts', 'src')).toBe(false);
  });

  it('sorts by raw bytes, not UTF-16 units', () => {
    const paths = ['\uff21.txt', '\u{1f600}.txt', 'b', 'a/b', 'a\udcff', 'a-'];
    expect(sortByPathBytes(paths.map((path) => ({ path }))).map((p) => p.path)).toEqual(['a-', 'a/b', 'a\udcff', 'b', '\uff21.txt', '\u{1f600}.txt']);
  });
});
