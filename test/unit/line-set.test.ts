import { describe, expect, it } from 'vitest';
import { LineSet } from '../../electron/core/review/line-set.js';

describe('LineSet', () => {
  it('merges overlapping and touching ranges and counts each line once', () => {
    const set = new LineSet();
    set.add(10, 20);
    set.add(15, 30);
    set.add(31, 35);
    set.add(1, 3);
    expect(set.size).toBe(3 + 26);
    expect(set.covers(10, 35)).toBe(true);
    expect(set.covers(3, 10)).toBe(false);
    set.add(4, 9);
    expect(set.covers(1, 35)).toBe(true);
    expect(set.size).toBe(35);
  });

  it('ignores a reversed range', () => {
    const set = new LineSet();
    set.add(5, 4);
    expect(set.size).toBe(0);
    expect(set.covers(1, 1)).toBe(false);
  });
});
