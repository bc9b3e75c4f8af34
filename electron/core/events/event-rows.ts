import type { Queryable } from '../../db/connection.js';
import { rawSql, sql, type SqlQuery } from '../../db/sql.js';
import type { EventRow } from './ledger-event.js';

/** Events per statement: each chunk arrives as one JSON text, far cheaper than node-sqlite3's one object per row. */
const CHUNK = 10_000;

const COLUMNS = rawSql('seq, id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature');
type RowTuple = [number, string, string, string, string, string, string | null, number | null, string | null, number | null, string | null, string | null];

const SIGNED = rawSql('keyid IS NOT NULL AND actor_seq IS NOT NULL AND lamport IS NOT NULL');
const LEDGER_ORDER = rawSql('lamport, keyid, actor_seq');

/** Every row of `events` (in `seq` order), for merges, which read them all. */
export async function readEventRows(db: Queryable): Promise<EventRow[]> {
  const rows: EventRow[] = [];
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const chunk = await readChunk(db, sql`SELECT ${COLUMNS} FROM events WHERE seq > ${after} ORDER BY seq LIMIT ${CHUNK}`, rawSql('seq'));
    rows.push(...chunk);
    if (chunk.length < CHUNK) return rows;
    after = chunk[chunk.length - 1]!.seq;
  }
}

/**
 * The signed events in ledger order (Lamport clock, key id, the signer's sequence), a chunk at a time
 * through the `events_in_ledger_order` index, each chunk passed through `map` as soon as SQLite returns
 * it. The first chunk is asked for at once and each next one when the one before is taken, so SQLite reads
 * ahead while the caller works (`audit verify` checks and replays as it reads), one chunk ahead at most.
 */
export function signedEventsInLedgerOrder<T>(db: Queryable, map: (rows: EventRow[]) => T, chunkSize = CHUNK): AsyncIterable<T> {
  const read = (after: EventRow | null): Promise<{ rows: EventRow[]; mapped: T }> => {
    const from = after === null ? sql`` : sql`AND (lamport, keyid, actor_seq) > (${after.lamport}, ${after.keyid}, ${after.actor_seq})`;
    const chunk = readChunk(db, sql`SELECT ${COLUMNS} FROM events INDEXED BY events_in_ledger_order WHERE ${SIGNED} ${from} ORDER BY ${LEDGER_ORDER} LIMIT ${chunkSize}`, LEDGER_ORDER).then((rows) => ({ rows, mapped: map(rows) }));
    // Awaited when taken; if the caller stops early, a failed read ahead must not be an unhandled rejection.
    chunk.catch(() => undefined);
    return chunk;
  };
  let next = read(null);
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { rows, mapped } = await next;
        if (rows.length === 0) return;
        const last = rows[rows.length - 1]!;
        next = rows.length === chunkSize ? read(last) : Promise.resolve({ rows: [], mapped });
        yield mapped;
      }
    },
  };
}

/** How many events there are, and how many are signed (counted on the ledger-order index). */
export async function countEvents(db: Queryable): Promise<{ all: number; signed: number }> {
  return (await db.get<{ all: number; signed: number }>(sql`SELECT (SELECT count(*) FROM events) AS "all", (SELECT count(*) FROM events INDEXED BY events_in_ledger_order WHERE ${SIGNED}) AS signed`))!;
}

/** Rows written before events were signed (no key, sequence or clock): `audit verify` names each one. */
export function unsignedEventRows(db: Queryable): Promise<EventRow[]> {
  return db.all<EventRow>(sql`SELECT ${COLUMNS} FROM events WHERE NOT (${SIGNED}) ORDER BY seq`);
}

/** The rows a SELECT of COLUMNS gives, as one JSON text built by SQLite. */
async function readChunk(db: Queryable, select: SqlQuery, order: SqlQuery): Promise<EventRow[]> {
  const chunk = (await db.get<{ rows: string }>(sql`SELECT json_group_array(json_array(${COLUMNS}) ORDER BY ${order}) AS rows FROM (${select})`))!;
  return (JSON.parse(chunk.rows) as RowTuple[]).map(([seq, id, type, actor, at, payload, keyid, actorSeq, prevHash, lamport, hash, signature]) => ({
    seq,
    id,
    type,
    actor,
    at,
    payload,
    keyid,
    actor_seq: actorSeq,
    prev_hash: prevHash,
    lamport,
    hash,
    signature,
  }));
}
