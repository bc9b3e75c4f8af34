import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../shared/contract/trust.js';
import type { Writable } from '../../electron/db/connection.js';
import { rawSql, sql } from '../../electron/db/sql.js';
import { readEventRows, signedEventsInLedgerOrder } from '../../electron/core/events/event-rows.js';
import { eventOfRow, type LedgerEvent } from '../../electron/core/events/ledger-event.js';
import { PROJECTION_TABLES } from '../../electron/core/events/projector.js';
import { replayEvents } from '../../electron/core/events/replay.js';
import { AuditService } from '../../electron/core/trust/audit-service.js';
import { ledgerOrder } from '../../electron/core/trust/event-checker.js';
import { commitFiles, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let commit: string;
let threadId: string;

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir('ew-audit-stream-'), 'billing'));
  commit = await commitFiles(repo, { 'src/pay.go': 'package pay\n\nfunc Pay() {}\n', 'README.md': '# Billing\n' }, 'v1');
  await call(ws.dispatcher, 'component.add', { name: 'billing', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  // Three people's events interleaved, so ledger order (Lamport, key id, sequence) is not any one person's.
  const thread: { id: string } = await call(ws.dispatcher, 'thread.open', { component: 'billing', ref: commit, path: 'src/pay.go', startLine: 3, endLine: 3, body: 'Who may call Pay?' }, 'alice');
  threadId = thread.id;
  for (let i = 0; i < 12; i++) {
    for (const person of ['alice', 'bob', 'carol']) await call(ws.dispatcher, 'thread.reply', { threadId, body: `${person} ${i}` }, person);
  }
  await call(ws.dispatcher, 'thread.setStatus', { threadId, status: 'resolved' }, 'bob');
}, 120_000);
afterAll(async () => ws?.close());

const withoutTime = (report: AuditReport) => ({ ...report, seconds: 0 });

async function inRolledBack<T>(work: (tx: Writable) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await ws.workspace.db
    .transaction(async (tx) => {
      result = await work(tx);
      throw new Error('roll back');
    })
    .catch((error: Error) => {
      if (error.message !== 'roll back') throw error;
    });
  return result as T;
}

async function projectionRows(tx: Writable): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const { table, ignore = [] } of PROJECTION_TABLES) {
    const rows = await tx.all<Record<string, unknown>>(rawSql(`SELECT * FROM ${table}`));
    tables[table] = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([column]) => !ignore.includes(column))))).sort();
  }
  return tables;
}

describe('reading the ledger in ledger order', () => {
  it('gives every signed event once, in ledger order, however small the chunks', async () => {
    const all = (await readEventRows(ws.workspace.db.read)).map(eventOfRow).filter((e): e is LedgerEvent => e !== null);
    const expected = [...all].sort(ledgerOrder).map((e) => e.id);
    expect(new Set(all.map((e) => e.keyid)).size).toBe(4);
    for (const size of [1, 3, 7, 10_000]) {
      const seen: string[] = [];
      let chunks = 0;
      for await (const ids of signedEventsInLedgerOrder(ws.workspace.db.read, (rows) => rows.map((r) => r.id), size)) {
        expect(ids.length).toBeLessThanOrEqual(size);
        seen.push(...ids);
        chunks++;
      }
      expect(seen, `chunks of ${size}`).toEqual(expected);
      expect(chunks).toBe(Math.ceil(expected.length / size));
    }
  });
});

describe('audit verify in chunks', () => {
  it('reports the same whatever the chunk size: clean, then with a forged signature and an edited row', async () => {
    const reports = async () => Promise.all([2, 5, 10_000].map(async (size) => withoutTime(await new AuditService(ws.workspace, ws.core.projector, size).verify())));
    const clean = await reports();
    // The roster (the admin and three people), one thread, 36 replies, one status change.
    expect(clean[0]).toMatchObject({ ok: true, events: 4 + 1 + 36 + 1, problems: [] });
    expect(clean[1]).toEqual(clean[0]);
    expect(clean[2]).toEqual(clean[0]);

    const reply = (await ws.workspace.db.read.get<{ id: string; signature: string; payload: string }>(sql`SELECT id, signature, payload FROM events WHERE type = 'thread.replied' AND actor = 'carol' ORDER BY seq LIMIT 1 OFFSET 5`))!;
    const other = (await ws.workspace.db.read.get<{ signature: string }>(sql`SELECT signature FROM events WHERE type = 'thread.replied' AND actor = 'carol' ORDER BY seq LIMIT 1 OFFSET 6`))!;
    const write = (q: ReturnType<typeof sql>) => ws.workspace.db.transaction((tx) => tx.run(q));
    await write(sql`UPDATE events SET signature = ${other.signature} WHERE id = ${reply.id}`);
    await write(sql`UPDATE comments SET body = 'nothing to see' WHERE body = 'alice 7'`);
    try {
      const tampered = await reports();
      expect(tampered[0]!.ok).toBe(false);
      expect(tampered[0]!.problems).toHaveLength(4);
      expect(tampered[0]!.problems).toEqual(expect.arrayContaining([
        { kind: 'signature', event: reply.id, table: null, detail: expect.stringContaining("does not verify with carol's key") },
        // The forged reply explains nothing: its row is one no event explains.
        { kind: 'row-unexplained', event: null, table: 'comments', detail: expect.stringContaining(`"body":"carol 5"`) },
        { kind: 'row-unexplained', event: null, table: 'comments', detail: expect.stringContaining('"body":"nothing to see"') },
        { kind: 'row-missing', event: null, table: 'comments', detail: expect.stringContaining('"body":"alice 7"') },
      ]));
      expect(tampered[1]).toEqual(tampered[0]);
      expect(tampered[2]).toEqual(tampered[0]);
    } finally {
      await write(sql`UPDATE events SET signature = ${reply.signature} WHERE id = ${reply.id}`);
      await write(sql`UPDATE comments SET body = 'alice 7' WHERE body = 'nothing to see'`);
    }
    expect((await ws.core.audit.verify()).ok).toBe(true);
  });

  it('names an event whose payload is no longer JSON (hash and signature), instead of failing', async () => {
    const row = (await ws.workspace.db.read.get<{ id: string; payload: string }>(sql`SELECT id, payload FROM events WHERE type = 'thread.replied' AND actor = 'bob' ORDER BY seq LIMIT 1`))!;
    const write = (q: ReturnType<typeof sql>) => ws.workspace.db.transaction((tx) => tx.run(q));
    for (const broken of ['{"body": "bob 0", ', '[1,2]', 'null']) {
      await write(sql`UPDATE events SET payload = ${broken} WHERE id = ${row.id}`);
      try {
        const report = await ws.core.audit.verify();
        expect(report.problems.filter((p) => p.event === row.id).map((p) => p.kind), broken).toEqual(['hash', 'signature']);
        // Not replayed: bob's first reply is a row no event explains.
        expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'row-unexplained', table: 'comments', detail: expect.stringContaining('"body":"bob 0"') }));
      } finally {
        await write(sql`UPDATE events SET payload = ${row.payload} WHERE id = ${row.id}`);
      }
    }
    expect((await ws.core.audit.verify()).ok).toBe(true);
  });

  it('names duplicated rows in a table compared without its surrogate id, and a change of letter case', async () => {
    await call(ws.dispatcher, 'review.mark', { component: 'billing', ref: commit, paths: ['README.md'] }, 'alice');
    const write = (q: ReturnType<typeof sql>) => ws.workspace.db.transaction((tx) => tx.run(q));
    const columns = (await ws.workspace.db.read.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('review_marks') WHERE name <> 'id'`)).map((c) => c.name).join(', ');
    await write(rawSql(`INSERT INTO review_marks (${columns}) SELECT ${columns} FROM review_marks`));
    try {
      const report = await ws.core.audit.verify();
      expect(report.problems).toEqual([{ kind: 'row-unexplained', event: null, table: 'review_marks', detail: expect.stringContaining('"path":"README.md"') }]);
    } finally {
      await write(sql`DELETE FROM review_marks WHERE id = (SELECT MAX(id) FROM review_marks)`);
    }
    await write(sql`UPDATE comments SET body = 'ALICE 3' WHERE body = 'alice 3'`);
    try {
      expect((await ws.core.audit.verify()).problems.map((p) => p.kind)).toEqual(['row-unexplained', 'row-missing']);
    } finally {
      await write(sql`UPDATE comments SET body = 'alice 3' WHERE body = 'ALICE 3'`);
    }
    expect((await ws.core.audit.verify()).ok).toBe(true);
  });
});

describe('replaying in pipelined groups', () => {
  it('ends with the same tables and conflict notes as applying one event at a time, when groups fail', async () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const event = (i: number, type: LedgerEvent['type'], payload: Record<string, unknown>): LedgerEvent => ({
      v: 1,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type,
      actor: 'alice',
      keyid: 'k'.repeat(64),
      seq: i + 1,
      prev: null,
      lamport: i + 1,
      at: at(i),
      payload,
    });
    const opened = randomUUID();
    const anchor = { commit, path: 'README.md', blob: 'b'.repeat(40), startLine: 1, endLine: 1, linesSha256: 'c'.repeat(64) };
    const events: LedgerEvent[] = [event(0, 'thread.opened', { threadId: opened, commentId: randomUUID(), body: 'first', component: 'billing', anchor })];
    const comments: string[] = [];
    for (let i = 1; i < 1600; i++) {
      if (i === 700) {
        // A reply to a thread nobody opened: its INSERT fails inside the group's script (a foreign key).
        events.push(event(i, 'thread.replied', { threadId: randomUUID(), commentId: randomUUID(), body: 'lost' }));
      } else if (i === 1020) {
        // Edits read the comment first: one of a comment from the failed group, one of a comment never made.
        events.push(event(i, 'comment.edited', { commentId: comments[650]!, body: 'edited after the failure' }));
      } else if (i === 1021) {
        events.push(event(i, 'comment.edited', { commentId: randomUUID(), body: 'nothing to edit' }));
      } else {
        const commentId = randomUUID();
        comments.push(commentId);
        events.push(event(i, 'thread.replied', { threadId: opened, commentId, body: `reply ${i}` }));
      }
    }
    const rebuild = (apply: (tx: Writable) => Promise<void>) =>
      inRolledBack(async (tx) => {
        for (const { table } of PROJECTION_TABLES) await tx.run(rawSql(`DELETE FROM ${table}`));
        await apply(tx);
        return projectionRows(tx);
      });
    const progress: number[] = [];
    const pipelined = await rebuild((tx) => replayEvents(tx, ws.core.projector, events, (done) => progress.push(done)));
    const oneByOne = await rebuild(async (tx) => {
      for (const e of events) await ws.core.projector.applyOrNote(tx, e);
    });
    expect(pipelined).toEqual(oneByOne);
    expect(pipelined['comments']).toHaveLength(1 + 1600 - 4);
    expect(pipelined['ledger_conflicts']!.map((row) => JSON.parse(row as string).event_id)).toEqual([events[700]!.id, events[1021]!.id].sort());
    expect(pipelined['comment_edits']).toHaveLength(1);
    expect(progress).toEqual([500, 1000, 1500, 1600]);
  });
});
