import { describe, expect, it } from 'vitest';
import { grepArguments, GrepOutputParser, type GrepLine } from '../../electron/git/grep.js';

const REV = '388e4082b825f943b932a5a00cfd658ec1470051';

function record(path: Buffer | string, line: number, column: number, text: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from(`${REV}:`), Buffer.from(path), Buffer.from(`\u0000${line}\u0000${column}\u0000`), Buffer.from(text), Buffer.from('\n')]);
}

/** Feed `output` in chunks of `size` bytes and collect what the parser reports. */
function parse(output: Buffer, size: number): Array<Omit<GrepLine, 'text'> & { text: string }> {
  const parser = new GrepOutputParser(REV);
  const lines: Array<Omit<GrepLine, 'text'> & { text: string }> = [];
  for (let i = 0; i < output.length; i += size) {
    parser.push(output.subarray(i, i + size), (l) => lines.push({ ...l, text: l.text.toString('latin1') }) > 0);
  }
  expect(parser.finished()).toBe(true);
  return lines;
}

describe('git grep --null output', () => {
  const nonUtf8 = Buffer.from([0x6c, 0x2f, 0xd1, 0xef, 0x2e, 0x74]); // "l/" + windows-1251 bytes + ".t"
  const output = Buffer.concat([
    record('src/main.go', 3, 4, '// Payment'),
    record('src/main.go', 12, 1, 'payment\u0000after a NUL'),
    record('odd\nname:1:2.txt', 1, 7, 'a: payment'),
    record(nonUtf8, 9, 2, Buffer.from([0xcf, 0x20, 0x70])),
  ]);
  const expected = [
    { path: 'src/main.go', line: 3, byteColumn: 4, text: '// Payment' },
    { path: 'src/main.go', line: 12, byteColumn: 1, text: 'payment\u0000after a NUL' },
    { path: 'odd\nname:1:2.txt', line: 1, byteColumn: 7, text: 'a: payment' },
    { path: 'l/\uDCD1\uDCEF.t', line: 9, byteColumn: 2, text: '\u00cf p' },
  ];

  it('reads paths with any byte, and text with NULs, however the output is chunked', () => {
    for (const size of [1, 2, 7, 64, output.length]) expect(parse(output, size), `chunks of ${size}`).toEqual(expected);
  });

  it('stops when the consumer has enough', () => {
    const parser = new GrepOutputParser(REV);
    const seen: number[] = [];
    expect(parser.push(output, (l) => seen.push(l.line) < 2)).toBe(false);
    expect(seen).toEqual([3, 12]);
  });

  it('refuses a record that does not name the searched revision', () => {
    const parser = new GrepOutputParser('f'.repeat(40));
    expect(() => parser.push(output, () => true)).toThrow(/unexpected git grep record/);
  });

  it('reports output that ends inside a record', () => {
    const parser = new GrepOutputParser(REV);
    parser.push(output.subarray(0, 50), () => true);
    expect(parser.finished()).toBe(false);
  });
});

describe('git grep arguments', () => {
  it('passes the pattern after -e, the revision, then pathspecs after --', () => {
    expect(grepArguments(REV, { pattern: '-rf', regex: false, caseSensitive: false, wholeWord: true, pathspecs: [':(glob)src/**'] })).toEqual([
      'grep', '--null', '--line-number', '--column', '-I', '--full-name', '--no-textconv', '--no-color', '-F', '-i', '-w', '-e', '-rf', REV, '--', ':(glob)src/**',
    ]);
    expect(grepArguments(REV, { pattern: 'a|b', regex: true, caseSensitive: true, wholeWord: false, pathspecs: [] }).slice(8)).toEqual(['-E', '-e', 'a|b', REV, '--']);
  });
});
