import { promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerExchange } from '../../shared/contract/ledger.js';
import type { Finding } from '../../shared/contract/findings.js';
import type { Thread } from '../../shared/contract/review.js';
import { rawSql, sql } from '../../electron/db/sql.js';
import { PROJECTION_TABLES } from '../../electron/core/events/projector.js';
import { commitFiles, git, initRepository, refsOf } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, TEST_PASSPHRASE, type TestWorkspace } from '../helpers/workspace.js';

// Three workstations with no network between them but a shared folder (a bare repository) and removable
// media (bundles): the admin's, a reviewer's (Dana) and an approver's (Aigerim). Each has only its own key.
let admin: TestWorkspace;
let reviewer: TestWorkspace;
let approver: TestWorkspace;
let vendor: string;
let shared: string;
let scratch: string;

const as = (ws: TestWorkspace, person: string) => ({
  call: <T>(method: string, input: unknown) => call(ws.dispatcher, method, input, person) as Promise<T>,
  invoke: (method: string, input: unknown) => ws.dispatcher.invoke(method, input, { actor: person }),
});

/** Every projection table, rows as sorted JSON without surrogate ids: what "the same projections" means. */
async function projections(ws: TestWorkspace): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const { table, ignore = [] } of PROJECTION_TABLES) {
    const rows = await ws.workspace.db.read.all<Record<string, unknown>>(rawSql(`SELECT * FROM ${table}`));
    // Component ids are each workspace's own: rows name the component through them, so they are left out.
    tables[table] = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !ignore.includes(k) && k !== 'component_id')))).sort();
  }
  return tables;
}

async function joinWorkstation(person: string): Promise<{ ws: TestWorkspace; publicKey: string }> {
  const ws = await createTestWorkspace({ people: null, actor: person });
  const identity = await ws.core.identities.create(person, TEST_PASSPHRASE);
  await call(ws.dispatcher, 'component.add', { name: 'payments', source: vendor });
  await call(ws.dispatcher, 'sync.run', {});
  await call(ws.dispatcher, 'ledger.remoteAdd', { name: 'shared', url: shared });
  return { ws, publicKey: identity.publicKey };
}

beforeAll(async () => {
  scratch = await tempDir('ew-ledger-');
  vendor = await initRepository(path.join(scratch, 'payments'));
  await commitFiles(vendor, { 'pay/handler.go': 'package pay\n\nfunc Charge() error {\n\treturn nil\n}\n', 'README.md': '# Payments\n' }, 'v1');
  await git(vendor, 'tag', 'v1');
  shared = await initRepository(path.join(scratch, 'shared-ledger.git'), { bare: true });

  admin = await createTestWorkspace({ people: null, actor: 'admin' });
  await admin.core.identities.create('admin', TEST_PASSPHRASE);
  await admin.core.roster.init('admin');
  await call(admin.dispatcher, 'component.add', { name: 'payments', source: vendor });
  await call(admin.dispatcher, 'sync.run', {});
  await call(admin.dispatcher, 'ledger.remoteAdd', { name: 'shared', url: shared });

  const dana = await joinWorkstation('Dana');
  const aigerim = await joinWorkstation('Aigerim');
  reviewer = dana.ws;
  approver = aigerim.ws;
  // Public keys are handed to the admin (identity export); the admin signs them into the roster.
  await admin.core.roster.add('admin', 'Dana', ['reviewer', 'security'], dana.publicKey);
  await admin.core.roster.add('admin', 'Aigerim', ['approver', 'reviewer'], aigerim.publicKey);
  await call(admin.dispatcher, 'ledger.push', { remote: 'shared' });
}, 120_000);
afterAll(async () => {
  for (const ws of [admin, reviewer, approver]) await ws?.close();
});

describe('the ledger between workstations', () => {
  it('writes every signed event to the ledger repository as events/<keyid>/<seq>.json', async () => {
    await admin.core.ledgerRepository.flush();
    const tip = (await admin.core.ledgerRepository.tip())!;
    const { files, foreign } = await admin.core.ledgerRepository.eventFiles(tip);
    const events = await admin.workspace.db.read.all<{ keyid: string; actor_seq: number; hash: string; ledger_commit: string | null }>(sql`SELECT keyid, actor_seq, hash, ledger_commit FROM events`);
    expect(foreign).toEqual([]);
    expect([...files.keys()].sort()).toEqual(events.map((e) => `events/${e.keyid}/${e.actor_seq}.json`).sort());
    expect(events.every((e) => e.ledger_commit !== null)).toBe(true);
    const genesis = events.find((e) => e.actor_seq === 1)!;
    const text = await git(admin.core.ledgerRepository.gitDir, 'cat-file', 'blob', files.get(`events/${genesis.keyid}/1.json`)!);
    expect(JSON.parse(text)).toMatchObject({ hash: genesis.hash, event: { type: 'roster.person-added', actor: 'admin', seq: 1, prev: null } });
  });

  it("brings the roster to a new workstation, and a reviewer's thread to the approver and the admin", async () => {
    const first = await as(reviewer, 'Dana').call<LedgerExchange>('ledger.pull', { remote: 'shared' });
    expect(first).toMatchObject({ applied: 3, quarantined: [], peers: 1 });
    expect((await reviewer.core.roster.list()).map((p) => p.name).sort()).toEqual(['Aigerim', 'Dana', 'admin']);

    const thread = await as(reviewer, 'Dana').call<Thread>('thread.open', { component: 'payments', ref: 'v1', path: 'pay/handler.go', startLine: 3, endLine: 4, body: 'Charge never fails: is that intended?' });
    await as(reviewer, 'Dana').call('ledger.push', { remote: 'shared' });

    expect(await as(approver, 'Aigerim').call<LedgerExchange>('ledger.pull', { remote: 'shared' })).toMatchObject({ applied: 4, quarantined: [] });
    const seen = await as(approver, 'Aigerim').call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1', path: 'pay/handler.go' });
    expect(seen.threads.map((t) => [t.id, t.createdBy, t.comments[0]!.body, t.placement.startLine])).toEqual([[thread.id, 'Dana', 'Charge never fails: is that intended?', 3]]);
    const adminPull = await as(admin, 'admin').call<LedgerExchange>('ledger.pull', { remote: 'shared' });
    // The admin already holds its own events and the roster ones in the others' ledgers: counted, not read again.
    expect(adminPull).toMatchObject({ applied: 1, peers: 1 });
    expect(adminPull.duplicates).toBeGreaterThanOrEqual(3);
    // Nothing moved since: no workstation's ledger is read again.
    expect(await as(admin, 'admin').call<LedgerExchange>('ledger.pull', { remote: 'shared' })).toMatchObject({ peers: 0, received: 0, applied: 0 });
    expect(await projections(admin)).toEqual(await projections(approver));
    expect(await projections(reviewer)).toEqual(await projections(approver));
  });

  it('resolves two concurrent status changes of one finding the same way everywhere, with a conflict note', async () => {
    const finding = await as(reviewer, 'Dana').call<Finding>('finding.add', { component: 'payments', ref: 'v1', title: 'No error path', severity: 'medium', locations: [{ path: 'pay/handler.go', startLine: 4, endLine: 4 }] });
    await as(reviewer, 'Dana').call('ledger.push', { remote: 'shared' });
    await as(approver, 'Aigerim').call('ledger.pull', { remote: 'shared' });
    // Neither sees the other's change before both are made.
    await as(reviewer, 'Dana').call('finding.setStatus', { id: finding.id, status: 'confirmed', comment: 'reproduced' });
    await as(reviewer, 'Dana').call('finding.setStatus', { id: finding.id, status: 'reported', comment: 'sent to vendor' });
    await as(approver, 'Aigerim').call('finding.setStatus', { id: finding.id, status: 'confirmed', comment: 'seen it too' });
    for (const [ws, person] of [[reviewer, 'Dana'], [approver, 'Aigerim']] as const) await as(ws, person).call('ledger.push', { remote: 'shared' });
    for (const [ws, person] of [[reviewer, 'Dana'], [approver, 'Aigerim'], [admin, 'admin']] as const) await as(ws, person).call('ledger.pull', { remote: 'shared' });

    const outcomes = await Promise.all([admin, reviewer, approver].map(async (ws) => (await call(ws.dispatcher, 'finding.get', { id: finding.id })) as Finding));
    expect(outcomes.map((f) => f.status)).toEqual(['reported', 'reported', 'reported']);
    for (const ws of [admin, reviewer, approver]) {
      const status = await call(ws.dispatcher, 'ledger.status', {}) as { conflicts: Array<{ kind: string; subject: string; detail: string }> };
      expect(status.conflicts).toEqual([expect.objectContaining({ kind: 'concurrent', subject: `finding:${finding.id}`, detail: expect.stringMatching(/open → confirmed, but it was already confirmed/) })]);
    }
    expect(await projections(admin)).toEqual(await projections(reviewer));
    expect(await projections(approver)).toEqual(await projections(reviewer));
    for (const ws of [admin, reviewer, approver]) expect(await ws.core.audit.verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('quarantines an event altered in transit, with the reason, and applies the rest of the pull', async () => {
    const thread = (await as(admin, 'admin').invoke('thread.list', { component: 'payments', ref: 'v1' })) as { ok: true; result: { threads: Thread[] } };
    const threadId = thread.result.threads[0]!.id;
    await as(reviewer, 'Dana').call('thread.reply', { threadId, body: 'The vendor says it is a stub.' });
    await as(approver, 'Aigerim').call('thread.reply', { threadId, body: 'Then it must not ship.' });
    for (const [ws, person] of [[reviewer, 'Dana'], [approver, 'Aigerim']] as const) await as(ws, person).call('ledger.push', { remote: 'shared' });

    // Someone with access to the shared folder rewrites Dana's reply in a new commit on top of her ledger.
    const refs = (await git(shared, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/ledger/')).trim().split('\n').map((l) => l.split(' ') as [string, string]);
    const danaKey = (await reviewer.workspace.db.read.get<{ keyid: string; n: number }>(sql`SELECT keyid, MAX(actor_seq) AS n FROM events WHERE actor = 'Dana'`))!;
    const file = `events/${danaKey.keyid}/${danaKey.n}.json`;
    let tampered: string | null = null;
    for (const [ref, tip] of refs) {
      const listed = await git(shared, 'ls-tree', tip, file).catch(() => '');
      if (!listed.trim()) continue;
      const original = await git(shared, 'cat-file', 'blob', `${tip}:${file}`);
      expect(original).toContain('The vendor says it is a stub.');
      const work = await tempDir('ew-tamper-');
      await git(work, 'init', '-q');
      await git(work, 'fetch', '-q', shared, `${ref}:refs/heads/victim`);
      await git(work, 'checkout', '-q', 'victim');
      await fs.writeFile(path.join(work, file), original.replace('The vendor says it is a stub.', 'The vendor says it is fine.'));
      await git(work, 'commit', '-qam', 'tidy');
      await git(work, 'push', '-q', shared, `victim:${ref}`);
      tampered = ref;
    }
    expect(tampered).not.toBeNull();

    const before = await as(admin, 'admin').call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1' });
    const outcome = await as(admin, 'admin').call<LedgerExchange>('ledger.pull', { remote: 'shared' });
    expect(outcome.quarantined).toEqual([expect.objectContaining({ keyid: danaKey.keyid, seq: danaKey.n, reason: 'hash' })]);
    expect(outcome.applied).toBe(1);
    const after = await as(admin, 'admin').call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1' });
    const bodies = after.threads[0]!.comments.map((c) => c.body);
    expect(bodies).toContain('Then it must not ship.');
    expect(bodies).not.toContain('The vendor says it is fine.');
    expect(bodies.length).toBe(before.threads[0]!.comments.length + 1);
    const status = await call(admin.dispatcher, 'ledger.status', {}) as { quarantine: Array<{ keyid: string; seq: number; reason: string; source: string }>; quarantineTotal: number; remotes: Array<{ lastPullQuarantined: number }> };
    expect(status.quarantine).toEqual([expect.objectContaining({ keyid: danaKey.keyid, seq: danaKey.n, reason: 'hash', source: 'remote/shared' })]);
    expect(status.quarantineTotal).toBe(1);
    expect(status.remotes[0]!.lastPullQuarantined).toBe(1);
    expect(await admin.core.audit.verify()).toMatchObject({ ok: true });

    // Dana cannot push over the tampered copy of her ledger: she is told somebody else wrote into it.
    expect(await as(reviewer, 'Dana').invoke('ledger.push', { remote: 'shared' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/never wrote/) } });
    // The admin restores the shared folder from Dana's own ledger and forgets the tampered tip it had seen.
    const danaPeer = (await call(reviewer.dispatcher, 'ledger.status', {}) as { peer: string }).peer;
    await git(shared, 'update-ref', `refs/ledger/${danaPeer}`, (await reviewer.core.ledgerRepository.tip())!);
    await git(admin.core.ledgerRepository.gitDir, 'update-ref', '-d', `refs/peers/remote/shared/${danaPeer}`);
  });

  it('refuses a remote whose history was rewritten, and an unreachable one, changing nothing', async () => {
    // Dana's ledger on the shared folder is replaced by a history of one commit that drops her last events.
    const danaPeer = (await call(reviewer.dispatcher, 'ledger.status', {}) as { peer: string }).peer;
    const ref = `refs/ledger/${danaPeer}`;
    const tip = (await git(shared, 'rev-parse', ref)).trim();
    const rewritten = (await git(shared, 'commit-tree', '-m', 'rewritten', `${tip}^^{tree}`)).trim();
    await git(shared, 'update-ref', ref, rewritten);
    const before = await projections(approver);
    const events = await approver.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`);
    expect(await as(approver, 'Aigerim').invoke('ledger.pull', { remote: 'shared' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/rewritten/) } });
    await git(shared, 'update-ref', ref, tip);

    await call(approver.dispatcher, 'ledger.remoteAdd', { name: 'gone', url: path.join(scratch, 'no-such-share.git') }).catch(() => undefined);
    const unreachable = await as(approver, 'Aigerim').invoke('ledger.pull', { remote: 'gone' });
    expect(unreachable.ok).toBe(false);
    expect(await projections(approver)).toEqual(before);
    expect(await approver.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`)).toEqual(events);
  });
});

describe('ledger bundles for removable media', () => {
  it('carries the ledger to a workstation with no shared folder, incrementally, to the same projections', async () => {
    const carried = await createTestWorkspace({ people: null, actor: 'admin' });
    try {
      await call(carried.dispatcher, 'component.add', { name: 'payments', source: vendor });
      await call(carried.dispatcher, 'sync.run', {});
      const full = await as(admin, 'admin').call<{ file: string; mark: string; events: number }>('ledger.export', { file: path.join(scratch, 'ledger-1.bundle') });
      expect(await as(carried, 'admin').call<LedgerExchange>('ledger.import', { file: full.file })).toMatchObject({ applied: full.events, quarantined: [] });

      await as(reviewer, 'Dana').call('ledger.pull', { remote: 'shared' });
      await as(reviewer, 'Dana').call('ledger.push', { remote: 'shared' });
      await as(admin, 'admin').call('ledger.pull', { remote: 'shared' });
      const next = await as(admin, 'admin').call<{ file: string; mark: string; since: string; events: number }>('ledger.export', { file: path.join(scratch, 'ledger-2.bundle'), since: full.mark });
      expect(next.since).toBe(full.mark);
      const header = (await fs.readFile(next.file)).subarray(0, 400).toString('latin1');
      expect(header).toContain(`-${full.mark}`);

      // A truncated copy and the second bundle on a workstation without the first are refused, nothing changed.
      const truncated = path.join(scratch, 'ledger-2-truncated.bundle');
      const bytes = await fs.readFile(next.file);
      await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const rowsBefore = await carried.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`);
      expect(await as(carried, 'admin').invoke('ledger.import', { file: truncated })).toMatchObject({ ok: false });
      expect(await carried.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`)).toEqual(rowsBefore);

      expect(await as(carried, 'admin').call<LedgerExchange>('ledger.import', { file: next.file })).toMatchObject({ quarantined: [] });
      expect(await projections(carried)).toEqual(await projections(admin));
      expect(await carried.core.audit.verify()).toMatchObject({ ok: true, events: (await admin.core.audit.verify()).events });
    } finally {
      await carried.close();
    }
  });

  it('notes the events it cannot apply before the deposit is there, and applies them once it is', async () => {
    const early = await createTestWorkspace({ people: null, actor: 'admin' });
    try {
      const file = path.join(scratch, 'ledger-early.bundle');
      await as(admin, 'admin').call('ledger.export', { file });
      const first = await as(early, 'admin').call<LedgerExchange>('ledger.import', { file });
      expect(first.quarantined).toEqual([]);
      const notes = (await call(early.dispatcher, 'ledger.status', {}) as { conflicts: Array<{ kind: string; subject: string; detail: string }> }).conflicts;
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.every((n) => n.kind === 'not-applied')).toBe(true);
      expect(notes.map((n) => n.subject)).toContain('thread.opened');
      expect(notes.find((n) => n.subject === 'thread.opened')!.detail).toMatch(/payments/);

      await call(early.dispatcher, 'component.add', { name: 'payments', source: vendor });
      await call(early.dispatcher, 'sync.run', {});
      const again = await as(early, 'admin').call<LedgerExchange>('ledger.import', { file });
      expect(again).toMatchObject({ applied: 0, rebuilt: true });
      const status = await call(early.dispatcher, 'ledger.status', {}) as { conflicts: Array<{ kind: string }> };
      expect(status.conflicts.filter((c) => c.kind === 'not-applied')).toEqual([]);
      expect(await projections(early)).toEqual(await projections(admin));
      expect(await early.core.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await early.close();
    }
  });

  it("refuses a bundle from another workspace (another admin's roster) and one that is not a ledger", async () => {
    const empty = await createTestWorkspace({ people: null });
    try {
      await call(empty.dispatcher, 'ledger.remoteAdd', { name: 'shared', url: shared });
      expect(await empty.dispatcher.invoke('ledger.push', { remote: 'shared' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/nothing to push/) } });
    } finally {
      await empty.close();
    }
    const other = await createTestWorkspace({ people: { Erlan: ['reviewer'] }, actor: 'Erlan' });
    try {
      const file = path.join(scratch, 'other.bundle');
      await call(other.dispatcher, 'ledger.export', { file });
      const before = await projections(admin);
      expect(await as(admin, 'admin').invoke('ledger.import', { file })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/another workspace/) } });
      expect(await projections(admin)).toEqual(before);

      const deposit = path.join(scratch, 'deposit.bundle');
      await git(vendor, 'bundle', 'create', '-q', deposit, '--all');
      expect(await as(admin, 'admin').invoke('ledger.import', { file: deposit })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a ledger bundle/) } });
    } finally {
      await other.close();
    }
  });
});

describe('deposits between workstations', () => {
  it('gives a reviewer who receives the deposit by bundle the same refs and release digest as the admin', async () => {
    await commitFiles(vendor, { 'pay/refund.go': 'package pay\n\nfunc Refund() {}\n' }, 'v2');
    await git(vendor, 'tag', '-a', 'v2', '-m', 'second release');
    await git(vendor, 'branch', 'release/2.x');
    await call(admin.dispatcher, 'sync.run', {});
    const carried = await createTestWorkspace({ people: null, actor: 'admin' });
    try {
      const file = path.join(scratch, 'payments-deposit.bundle');
      await call(admin.dispatcher, 'bundle.export', { component: 'payments', file });
      await call(carried.dispatcher, 'bundle.import', { component: 'payments', file });
      const mirrorOf = async (ws: TestWorkspace) => {
        const row = await ws.workspace.db.read.get<{ id: string }>(sql`SELECT id FROM components WHERE name = 'payments'`);
        return ws.workspace.paths.mirror(row!.id);
      };
      const refs = await refsOf(await mirrorOf(admin), { excludeEscrow: true });
      expect(refs.size).toBeGreaterThanOrEqual(3);
      expect(await refsOf(await mirrorOf(carried), { excludeEscrow: true })).toEqual(refs);
      const pin = async (ws: TestWorkspace) => ((await call(ws.dispatcher, 'release.pin', { component: 'payments', ref: 'v2' })) as { release: { commit: string; digest: string } }).release;
      const [here, there] = [await pin(admin), await pin(carried)];
      expect(there).toMatchObject({ commit: here.commit, digest: here.digest });
      expect(here.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    } finally {
      await carried.close();
    }
  });
});

// Last: the 1,200 events it adds would crowd the notes other tests read.
describe('a large pull', () => {
  it('tells how far a pull has read and merged, not only that it is reading and merging', async () => {
    const { threads } = await as(reviewer, 'Dana').call<{ threads: Thread[] }>('thread.list', { component: 'payments', ref: 'v1', path: 'pay/handler.go' });
    const threadId = threads[0]!.id;
    for (let round = 0; round < 3; round++) {
      await reviewer.workspace.db.transaction(async (tx) => {
        for (let i = 0; i < 400; i++) await reviewer.core.ledger.append(tx, 'Dana', 'thread.replied', { threadId, commentId: randomUUID(), body: `note ${round}.${i}` });
      });
    }
    await as(reviewer, 'Dana').call('ledger.push', { remote: 'shared' });
    const steps: Array<[string, number, number | null]> = [];
    const outcome = await approver.core.ledgerSync.pull('shared', (done, total, phase) => steps.push([phase, done, total]));
    // The 1,200 replies, and whatever else of Dana's the approver had not pulled yet.
    const n = outcome.applied;
    expect(n).toBeGreaterThanOrEqual(1200);
    expect(n).toBeLessThan(1210);
    const read = steps.filter(([phase]) => phase === 'read');
    const merged = steps.filter(([phase]) => phase === 'merge');
    // Counted along the way (every 500 files read, every 500 events applied), the merge ending at its total: the new
    // events when they are applied on top, every event when the tables are rebuilt in ledger order.
    expect(read.map(([, done, total]) => [done, total])).toEqual([[0, n], [500, n], [1000, n]]);
    const m = outcome.rebuilt ? (await approver.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n : n;
    const counts = [0, ...Array.from({ length: Math.floor((m - 1) / 500) }, (_, i) => (i + 1) * 500), m];
    expect(merged.map(([, done, total]) => [done, total])).toEqual([[0, n], ...counts.map((done) => [done, m])]);
  });
});
