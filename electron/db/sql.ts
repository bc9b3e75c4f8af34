/**
 * SQL is written with this tag so values are always bound parameters, never spliced into the text:
 *   sql`SELECT * FROM components WHERE name = ${name}`
 * A nested sql`` fragment is inlined with its own parameters; `sqlList` expands an IN (...) list.
 */
export type SqlValue = string | number | bigint | boolean | null | Buffer | Uint8Array;

export class SqlQuery {
  constructor(
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: ReadonlyArray<SqlValue | SqlQuery>): SqlQuery {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlQuery) {
      text += value.text;
      params.push(...value.values);
    } else {
      text += '?';
      params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    text += strings[i + 1] ?? '';
  });
  return new SqlQuery(text, params);
}

export function sqlList(values: readonly SqlValue[]): SqlQuery {
  if (values.length === 0) return new SqlQuery('(NULL)', []);
  return new SqlQuery(`(${values.map(() => '?').join(', ')})`, values);
}

/** Trusted SQL text with no parameters (migration scripts, PRAGMAs). Never pass user data here. */
export function rawSql(text: string): SqlQuery {
  return new SqlQuery(text, []);
}
