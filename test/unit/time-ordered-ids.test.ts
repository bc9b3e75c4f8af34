import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedIds } from '../../electron/core/events/time-ordered-ids.js';

describe('time-ordered ids', () => {
  it('are RFC 9562 version 7 UUIDs carrying the clock, in the order they were made', () => {
    const ids = timeOrderedIds(70_000, Date.UTC(2026, 10, 23, 12, 0, 0));
    expect(new Set(ids).size).toBe(70_000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of [ids[0]!, ids[16_384]!, ids[69_999]!]) {
      expect(id).toMatch(/^01a20846-fe00-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.string().uuid().safeParse(id).success).toBe(true);
    }
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 12, 0, 0));
  });
});
