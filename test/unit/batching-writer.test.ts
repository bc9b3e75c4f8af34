import { describe, expect, it } from 'vitest';
import { inlineValues } from '../../electron/db/batching-writer.js';
import { sql } from '../../electron/db/sql.js';

describe('inlineValues', () => {
  it('writes every value as the SQL literal SQLite reads back as the same value', () => {
    expect(inlineValues(sql`INSERT INTO t VALUES (${"it's"}, ${42}, ${1.5}, ${null}, ${true}, ${10n}, ${Buffer.from([0, 255])})`)).toBe(
      "INSERT INTO t VALUES ('it''s', 42, 1.5, NULL, 1, 10, X'00ff')",
    );
    // A NUL would end the script: such text goes as hex and is cast back.
    expect(inlineValues(sql`SELECT ${'a\u0000b'}`)).toBe("SELECT CAST(X'610062' AS TEXT)");
    expect(() => inlineValues(sql`SELECT ${Number.NaN}`)).toThrow(/no SQL literal/);
  });
});
