import { randomBytes } from 'node:crypto';

/**
 * `count` UUIDv7 ids (RFC 9562) that sort in the order given: the millisecond clock, then the position in
 * the batch in the 26 bits after the version, then randomness. A bulk insert keyed by them appends to the
 * primary-key index instead of writing all over it.
 */
export function timeOrderedIds(count: number, now = Date.now()): string[] {
  if (count > 1 << 26) throw new RangeError('at most 2^26 ids per batch');
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(count * 8);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const randA = (i >>> 14) & 0xfff;
    const randB = 0x8000 | (i & 0x3fff);
    const tail = random.subarray(i * 8, i * 8 + 6).toString('hex');
    ids.push(`${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA.toString(16).padStart(3, '0')}-${randB.toString(16).padStart(4, '0')}-${tail}`);
  }
  return ids;
}
