import { describe, expect, it } from 'vitest';
import { pageBounds } from '../../electron/core/code/page-bounds.js';

const PAGE = 100;
const SLACK = 20;

/** Cut `file` into pages as the tree service does, with each page's first line number. */
function paginate(file: Buffer): Array<{ text: Buffer; firstLine: number }> {
  const pages = Math.max(1, Math.ceil(file.length / PAGE));
  return Array.from({ length: pages }, (_, page) => {
    const from = page * PAGE;
    const data = file.subarray(from, Math.min(file.length, from + PAGE + SLACK));
    const bounds = pageBounds({ data, from, size: file.length }, PAGE, SLACK);
    const newlinesBefore = file.subarray(0, from).filter((b) => b === 0x0a).length;
    return { text: data.subarray(bounds.start, bounds.end), firstLine: newlinesBefore + (bounds.startsAfterNewline ? 1 : 0) + 1 };
  });
}

function lineOf(file: Buffer, offset: number): number {
  return file.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
}

function randomFile(seed: number, length: number, lineEvery: number): Buffer {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const text = Array.from({ length }, () => (next() < 1 / lineEvery ? '\n' : next() < 0.3 ? 'ж' : 'a')).join('');
  return Buffer.from(text, 'utf8');
}

describe('pages of a large file', () => {
  it('tile the file exactly and number their first lines as in the whole file', () => {
    for (const [seed, lineEvery] of [[1, 10], [2, 60], [3, 500], [4, 3], [5, 1_000_000]] as const) {
      const file = randomFile(seed, 1_000, lineEvery);
      const pages = paginate(file);
      expect(Buffer.concat(pages.map((p) => p.text)).equals(file)).toBe(true);
      let offset = 0;
      for (const page of pages) {
        expect(page.firstLine).toBe(lineOf(file, offset));
        offset += page.text.length;
      }
    }
  });

  it('break between lines when a line feed is near, so no line is split', () => {
    const line = `${'x'.repeat(29)}\n`;
    const pages = paginate(Buffer.from(line.repeat(20)));
    expect(pages.map((p) => p.text.toString().endsWith('\n'))).toEqual(pages.map(() => true));
    expect(pages.map((p) => p.firstLine)).toEqual([1, 5, 8, 11, 15, 18].slice(0, pages.length));
  });

  it('cut a line longer than the slack without splitting a UTF-8 character', () => {
    const file = Buffer.from('я'.repeat(400), 'utf8'); // 800 bytes, no line feed
    const pages = paginate(file);
    expect(pages.every((p) => !p.text.toString('utf8').includes('\ufffd'))).toBe(true);
    expect(pages.map((p) => p.text.toString('utf8')).join('')).toBe('я'.repeat(400));
    expect(pages.every((p) => p.firstLine === 1)).toBe(true);
  });
});
