import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest, verifyManifest } from '../../resources/verifier/escrow-verify.mjs';
import { METHOD_PERMISSIONS } from '../../shared/contract/permissions.js';
import type { AuditReport, Gate, Signoff } from '../../shared/contract/trust.js';
import type { Finding } from '../../shared/contract/findings.js';
import { eventHash, eventText, type LedgerEvent } from '../../electron/core/events/ledger-event.js';
import { newKeyPair, publicIdentityOf, signBytes } from '../../electron/core/trust/keys.js';
import { sql } from '../../electron/db/sql.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { AnchorResolver } from '../../electron/core/review/anchor-resolver.js';
import { GateService } from '../../electron/core/trust/gate-service.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

const run = promisify(execFile);
let ws: TestWorkspace;
let repo: string;

const PEOPLE = { rita: ['reviewer'], sam: ['security'], april: ['approver'], multi: ['reviewer', 'security'], pat: ['security', 'approver'] } as const;

beforeAll(async () => {
  ws = await createTestWorkspace({ people: PEOPLE, actor: 'rita' });
  repo = await initRepository(path.join(await tempDir('ew-trust-'), 'auth'));
  await commitFiles(repo, { 'src/auth.go': 'package auth\n\nfunc Check(p string) bool {\n\treturn p == "admin"\n}\n', 'README.md': '# Auth\n', 'bin/run.sh': '#!/bin/sh\necho run\n' }, 'v1');
  await git(repo, 'tag', 'v1');
  await commitFiles(repo, { 'src/auth.go': 'package auth\n\nimport "crypto/subtle"\n\nfunc Check(p string) bool {\n\treturn subtle.ConstantTimeCompare([]byte(p), secret) == 1\n}\n' }, 'v2');
  await git(repo, 'tag', 'v2');
  await call(ws.dispatcher, 'component.add', { name: 'auth', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  await call(ws.dispatcher, 'release.pin', { component: 'auth', ref: 'v1' });
}, 120_000);
afterAll(async () => ws?.close());

const as = (person: string) => ({
  call: <T>(method: string, input: unknown) => call(ws.dispatcher, method, input, person) as Promise<T>,
  invoke: (method: string, input: unknown) => ws.dispatcher.invoke(method, input, { actor: person }),
});
const eventCount = async () => (await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n;
const audit = () => ws.core.audit.verify();

/** A valid payload for every method that needs a role: the denial must come from the roles, not the input. */
const PAYLOADS: Record<string, unknown> = {
  'alarm.acknowledge': { alarmId: 1, comment: 'seen' },
  'finding.add': { component: 'auth', ref: 'v1', title: 't', severity: 'low', locations: [{ path: 'README.md', startLine: 1, endLine: 1 }] },
  'finding.setStatus': { id: randomUUID(), status: 'confirmed' },
  'finding.requestRisk': { id: randomUUID(), justification: 'x', expiresOn: '2031-01-01' },
  'finding.approveRisk': { id: randomUUID() },
  'sarif.import': { component: 'auth', ref: 'v1', file: '/nonexistent.sarif' },
  'thread.open': { component: 'auth', ref: 'v1', path: 'README.md', startLine: 1, endLine: 1, body: 'x' },
  'thread.reply': { threadId: randomUUID(), body: 'x' },
  'thread.editComment': { commentId: randomUUID(), body: 'x' },
  'thread.setStatus': { threadId: randomUUID(), status: 'resolved' },
  'criterion.define': { component: 'auth', name: 'crypto-reviewed' },
  'review.mark': { component: 'auth', ref: 'v1', paths: ['README.md'] },
  'roster.add': { name: 'zed', roles: ['reviewer'], publicKey: publicIdentityOf(newKeyPair().publicKey).publicKey },
  'roster.setRoles': { name: 'rita', roles: ['admin'] },
  'roster.revoke': { name: 'rita', reason: 'x' },
  'policy.set': { component: 'auth', policy: { signoffs: { reviewer: 1, security: 1, approver: 1 }, coverage: {}, maxOpenSeverity: 'none', requireRiskExpiry: true, separationOfDuties: true } },
  'signoff.sign': { component: 'auth', ref: 'v1', decision: 'reject', comment: 'x' },
  'manifest.export': { component: 'auth', ref: 'v1' },
};

describe('the permission matrix', () => {
  const gated = Object.entries(METHOD_PERMISSIONS).filter(([, p]) => p.kind === 'roles') as Array<[string, { kind: 'roles'; roles: readonly string[] }]>;

  it('names every role-gated method in this test', () => {
    expect(gated.map(([m]) => m).sort()).toEqual(Object.keys(PAYLOADS).sort());
  });

  for (const [method, permission] of gated) {
    it(`refuses ${method} to a person without ${permission.roles.join(' or ')}, recording nothing`, async () => {
      const denied = ['admin', ...Object.keys(PEOPLE)].find((p) => !permission.roles.some((r) => (p === 'admin' ? ['admin'] : (PEOPLE[p as keyof typeof PEOPLE] as readonly string[])).includes(r)));
      const before = await eventCount();
      // A method every role may call is refused only to people outside the roster.
      const outcome = await as(denied ?? 'mallory').invoke(method, PAYLOADS[method]);
      const message = denied === undefined ? 'mallory is not in the roster' : `${denied} may not do ${method}`;
      expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(message) } });
      expect(await eventCount()).toBe(before);
    });
  }

  it('refuses people outside the roster, and a locked key', async () => {
    expect(await as('mallory').invoke('thread.open', PAYLOADS['thread.open'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'mallory is not in the roster: an admin must add them (user add) before they can sign anything.' } });
    ws.core.keyring.lock('rita');
    const locked = await createLockedCore();
    expect(await locked.invoke('thread.open', PAYLOADS['thread.open'], { actor: 'rita' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', details: { person: 'rita', reason: 'locked' } } });
    expect(await locked.invoke('identity.unlock', { name: 'rita', passphrase: 'not it' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: 'The passphrase does not open this key.' } });
    expect(await locked.invoke('identity.unlock', { name: 'rita', passphrase: 'correct horse battery staple' })).toMatchObject({ ok: true, result: { name: 'rita', unlocked: true, roles: ['reviewer'] } });
    expect(await locked.invoke('thread.open', PAYLOADS['thread.open'], { actor: 'rita' })).toMatchObject({ ok: true });
  });
});

/** A second dispatcher on the same workspace whose keys open only through identity.unlock (as in web mode without ESCROW_PASSPHRASE). */
async function createLockedCore() {
  const { createCoreDispatcher } = await import('../../electron/api/core-dispatcher.js');
  return (await createCoreDispatcher(ws.workspace, { actor: 'rita' })).dispatcher;
}

describe('a release taken to approval by three people', () => {
  let gate: Gate;

  it('has a policy only an admin sets, and a gate that says what is missing', async () => {
    await as('admin').call('policy.set', { component: 'auth', policy: { signoffs: { reviewer: 1, security: 1, approver: 1 }, coverage: { 'safe-to-deploy': 100 }, maxOpenSeverity: 'low', requireRiskExpiry: true, separationOfDuties: true } });
    gate = await as('rita').call<Gate>('gate.evaluate', { component: 'auth', ref: 'v1' });
    expect(gate.requirements.map((r) => [r.id, r.met])).toEqual([
      ['release-pinned', true],
      ['coverage:safe-to-deploy', false],
      ['open-findings', true],
      ['accepted-risks', true],
      ['no-rejection', true],
      ['signoffs:reviewer', false],
      ['signoffs:security', false],
      ['signoffs:approver', false],
      ['separation-of-duties', true],
    ]);
    expect(gate).toMatchObject({ readyForApproval: false, approved: false, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(await as('april').invoke('signoff.sign', { component: 'auth', ref: 'v1', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { unmet: ['coverage:safe-to-deploy', 'signoffs:reviewer', 'signoffs:security'] } } });
  });

  it('counts the review, the security engineer\'s accepted risk, and each sign-off', async () => {
    await as('rita').call('review.mark', { component: 'auth', ref: 'v1', paths: ['README.md', 'src/auth.go', 'bin/run.sh'] });
    const finding = await as('sam').call<Finding>('finding.add', { component: 'auth', ref: 'v1', title: 'Hard-coded password', severity: 'high', cwe: 'CWE-798', locations: [{ path: 'src/auth.go', startLine: 4, endLine: 4 }] });
    expect((await as('rita').call<Gate>('gate.evaluate', { component: 'auth', ref: 'v1' })).requirements.find((r) => r.id === 'open-findings')).toMatchObject({ met: false, detail: 'open above low: F-1 (high)' });
    await as('sam').call('finding.requestRisk', { id: finding.id, justification: 'Only reachable from the admin network until v2.', expiresOn: '2031-01-01' });
    await as('april').call('finding.approveRisk', { id: finding.id });
    await as('rita').call<Signoff>('signoff.sign', { component: 'auth', ref: 'v1', decision: 'approve', comment: 'Read every line.' });
    const security = await as('sam').call<Signoff>('signoff.sign', { component: 'auth', ref: 'v1', decision: 'approve' });
    expect(security).toMatchObject({ role: 'security', signer: 'sam', decision: 'approve', ref: 'refs/tags/v1' });
    gate = await as('rita').call<Gate>('gate.evaluate', { component: 'auth', ref: 'v1' });
    expect(gate.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(['signoffs:approver']);
    expect(gate.readyForApproval).toBe(true);
  });

  it('keeps one person to one required role, and a risk\'s requester from approving', async () => {
    expect(await as('multi').call<Signoff>('signoff.sign', { component: 'auth', ref: 'v1', role: 'reviewer', decision: 'approve' })).toMatchObject({ role: 'reviewer' });
    expect(await as('multi').invoke('signoff.sign', { component: 'auth', ref: 'v1', role: 'security', decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'multi already approved this release as reviewer: one person may not fill two required roles.' },
    });
    expect(await as('pat').invoke('signoff.sign', { component: 'auth', ref: 'v1', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('pat holds several signing roles') } });
    expect(await as('rita').invoke('signoff.sign', { component: 'auth', ref: 'v1', role: 'approver', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as('april').invoke('signoff.sign', { component: 'auth', ref: 'v1', decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'A rejection needs a reason (--comment).' } });
  });

  it('lets the approver approve, and the release is approved', async () => {
    const approval = await as('april').call<Signoff>('signoff.sign', { component: 'auth', ref: 'v1', decision: 'approve', comment: 'Deploy.' });
    const statement = JSON.parse(Buffer.from(String(approval.envelope['payload']), 'base64').toString('utf8')) as { subject: unknown; predicate: { gate: Gate; role: string } };
    expect(approval.envelope['payloadType']).toBe('application/vnd.in-toto+json');
    expect(statement.subject).toEqual([{ name: 'auth@refs/tags/v1', digest: { sha256: gate.digest!.slice(7), gitCommit: gate.commit } }]);
    expect(statement.predicate.role).toBe('approver');
    expect(statement.predicate.gate.readyForApproval).toBe(true);
    const after = await as('rita').call<Gate>('gate.evaluate', { component: 'auth', ref: 'v1' });
    expect(after).toMatchObject({ approved: true, rejected: false });
    expect(await as('rita').call('review.status', { component: 'auth', ref: 'v1' })).toMatchObject({ status: 'approved' });
  });

  it('exports a manifest that verifies offline against the tree, and fails for another tree', async () => {
    const { manifest } = await as('april').call<{ manifest: Record<string, unknown> }>('manifest.export', { component: 'auth', ref: 'v1' });
    const tree = path.join(await tempDir('ew-deploy-'), 'auth');
    await fs.mkdir(tree);
    await run('sh', ['-c', `git -C "${repo}" archive v1 | tar -x -C "${tree}"`]);
    const result = await verifyManifest(manifest, { dir: tree }, { trustRoot: (await ws.core.roster.trustRoot())! });
    expect(result.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
    expect(result.ok).toBe(true);
    const v2 = checkManifest(manifest, { digest: `sha256:${'0'.repeat(64)}` });
    expect(v2.checks.find((c) => c.name === 'tree-digest')).toMatchObject({ ok: false });
  });

  it('refuses an approver who requested an accepted risk, on the next release', async () => {
    await call(ws.dispatcher, 'release.pin', { component: 'auth', ref: 'v2' });
    const finding = await as('pat').call<Finding>('finding.add', { component: 'auth', ref: 'v2', title: 'Secret in package scope', severity: 'medium', locations: [{ path: 'src/auth.go', startLine: 6, endLine: 6 }] });
    await as('pat').call('finding.requestRisk', { id: finding.id, justification: 'Rotated monthly.', expiresOn: '2031-01-01' });
    await as('april').call('finding.approveRisk', { id: finding.id });
    expect(await as('pat').invoke('signoff.sign', { component: 'auth', ref: 'v2', role: 'approver', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('requested the accepted risk') } });
    // A rejection can always be signed, with its reason.
    expect(await as('april').call<Signoff>('signoff.sign', { component: 'auth', ref: 'v2', decision: 'reject', comment: 'Secret must not ship.' })).toMatchObject({ decision: 'reject' });
    expect(await as('rita').call('review.status', { component: 'auth', ref: 'v2' })).toMatchObject({ status: 'rejected' });
  });

  it('counts an accepted risk past its expiry as open: the gate is no longer met', async () => {
    const later = () => new Date('2031-01-02T00:00:00Z');
    const gates = new GateService(ws.workspace, ws.core.releases, ws.core.pins, ws.core.coverage, ws.core.trees, new AnchorResolver(ws.workspace), ws.core.policies, later);
    const gate = await gates.evaluate('auth', 'v1');
    expect(gate.approved).toBe(false);
    expect(gate.requirements.filter((r) => !r.met).map((r) => [r.id, r.detail])).toEqual([
      ['open-findings', 'open above low: F-1 (high)'],
      ['accepted-risks', 'expired or invalid acceptances: F-1'],
    ]);
  });

  it('counts findings made on this commit and those whose lines are still here, and names the first 50 of many', async () => {
    for (let i = 0; i < 55; i++) {
      await as('sam').call('finding.add', { component: 'auth', ref: 'v1', title: `Scanner result ${i}`, severity: 'critical', locations: [{ path: 'README.md', startLine: 1, endLine: 1 }] });
    }
    // Made on v2: README.md is the same blob in v1, so it counts; v2's line 6 of src/auth.go is not in v1, so it does not.
    await as('sam').call('finding.add', { component: 'auth', ref: 'v2', title: 'Heading', severity: 'critical', locations: [{ path: 'README.md', startLine: 1, endLine: 1 }] });
    await as('sam').call('finding.add', { component: 'auth', ref: 'v2', title: 'Compare', severity: 'critical', locations: [{ path: 'src/auth.go', startLine: 6, endLine: 6 }] });
    const open = (await as('rita').call<Gate>('gate.evaluate', { component: 'auth', ref: 'v1' })).requirements.find((r) => r.id === 'open-findings')!;
    expect(open).toMatchObject({ met: false, params: { count: 56, limit: 'low' } });
    expect(open.detail).toMatch(/^open above low: (F-\d+ \(critical\), ){49}F-\d+ \(critical\) and 6 more$/);
  });

  it('audits clean: every chain, signature and projection row agrees with the events', async () => {
    const report = await audit();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, people: 6, trustRoot: await ws.core.roster.trustRoot() });
  });
});

describe('audit verify against tampering', () => {
  async function expectProblem(tamper: () => Promise<void>, restore: () => Promise<void>, expected: Partial<AuditReport['problems'][number]>) {
    await tamper();
    try {
      const report = await audit();
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining(expected));
    } finally {
      await restore();
    }
    expect((await audit()).ok).toBe(true);
  }
  const write = async (q: ReturnType<typeof sql>): Promise<void> => {
    await ws.workspace.db.transaction((tx) => tx.run(q));
  };
  const lastEvent = (type: string) => ws.workspace.db.read.get<Record<string, string>>(sql`SELECT * FROM events WHERE type = ${type} ORDER BY seq DESC LIMIT 1`);

  it('names an edited projection row', async () => {
    const row = (await ws.workspace.db.read.get<{ id: string; status: string }>(sql`SELECT id, status FROM findings ORDER BY number LIMIT 1`))!;
    await expectProblem(
      () => write(sql`UPDATE findings SET status = 'closed' WHERE id = ${row.id}`),
      () => write(sql`UPDATE findings SET status = ${row.status} WHERE id = ${row.id}`),
      { kind: 'row-unexplained', table: 'findings', detail: expect.stringContaining('"status":"closed"') },
    );
  });

  it('names a deleted event by the gap in its actor\'s chain', async () => {
    const first = (await ws.workspace.db.read.get<Record<string, string | number | null>>(sql`SELECT * FROM events WHERE actor = 'rita' AND type = 'review.marked'`))!;
    const next = (await ws.workspace.db.read.get<{ id: string }>(sql`SELECT id FROM events WHERE keyid = ${first['keyid']!} AND actor_seq = ${Number(first['actor_seq']) + 1}`))!;
    await expectProblem(
      () => write(sql`DELETE FROM events WHERE id = ${first['id'] as string}`),
      () => write(sql`INSERT INTO events (seq, id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature) VALUES (${first['seq']!}, ${first['id']!}, ${first['type']!}, ${first['actor']!}, ${first['at']!}, ${first['payload']!}, ${first['keyid']!}, ${first['actor_seq']!}, ${first['prev_hash'] ?? null}, ${first['lamport']!}, ${first['hash']!}, ${first['signature']!})`),
      { kind: 'chain', event: next.id },
    );
  });

  it('names reordered events', async () => {
    const rows = await ws.workspace.db.read.all<{ id: string; actor_seq: number; keyid: string }>(sql`SELECT id, actor_seq, keyid FROM events WHERE actor = 'sam' ORDER BY actor_seq LIMIT 2`);
    const [a, b] = rows as [typeof rows[0], typeof rows[0]];
    const place = async (seqOfA: number, seqOfB: number) => {
      await write(sql`UPDATE events SET actor_seq = -1 WHERE id = ${a.id}`);
      await write(sql`UPDATE events SET actor_seq = ${seqOfB} WHERE id = ${b.id}`);
      await write(sql`UPDATE events SET actor_seq = ${seqOfA} WHERE id = ${a.id}`);
    };
    await expectProblem(() => place(b.actor_seq, a.actor_seq), () => place(a.actor_seq, b.actor_seq), { kind: 'hash', event: a.id });
  });

  it('names a changed payload by its hash and signature', async () => {
    const event = (await lastEvent('signoff.signed'))!;
    const forged = String(event['payload']).replace('"decision":"reject"', '"decision":"approve"');
    expect(forged).not.toBe(event['payload']);
    await expectProblem(
      () => write(sql`UPDATE events SET payload = ${forged} WHERE id = ${event['id']!}`),
      () => write(sql`UPDATE events SET payload = ${event['payload']!} WHERE id = ${event['id']!}`),
      { kind: 'signature', event: event['id'] },
    );
  });

  it('names an event signed by a key the roster does not hold', async () => {
    const key = newKeyPair();
    const id = randomUUID();
    await expectProblem(
      () => insertSigned(key.privateKey, publicIdentityOf(key.publicKey).keyid, 'mallory', id, 1, null),
      () => write(sql`DELETE FROM events WHERE id = ${id}`),
      { kind: 'unknown-key', event: id },
    );
  });

  it('names an event signed by a revoked person after their revocation', async () => {
    await as('admin').call('roster.revoke', { name: 'multi', reason: 'Left the council.' });
    expect(await as('multi').invoke('thread.open', PAYLOADS['thread.open'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'multi was revoked from the roster and can no longer sign.' } });
    const last = (await ws.workspace.db.read.get<{ keyid: string; actor_seq: number; hash: string }>(sql`SELECT keyid, actor_seq, hash FROM events WHERE actor = 'multi' ORDER BY actor_seq DESC LIMIT 1`))!;
    const key = await ws.core.keyring.store.unlock('multi', 'correct horse battery staple');
    const id = randomUUID();
    await expectProblem(
      () => insertSigned(key, last.keyid, 'multi', id, last.actor_seq + 1, last.hash),
      () => write(sql`DELETE FROM events WHERE id = ${id}`),
      { kind: 'revoked', event: id },
    );
  });

  it('refuses a weak key from an admin, and names a roster event that adds one all the same', async () => {
    // The identity point: with it as the key, R = identity and S = 0 "verify" for any text.
    const identity = Buffer.alloc(32);
    identity[0] = 1;
    const before = await eventCount();
    expect(await as('admin').invoke('roster.add', { name: 'wendy', roles: ['approver'], publicKey: identity.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('weak Ed25519 key') },
    });
    expect(await eventCount()).toBe(before);
    // The same event written behind the app's back, properly signed by the admin.
    const admin = (await ws.workspace.db.read.get<{ keyid: string; actor_seq: number; hash: string }>(sql`SELECT keyid, actor_seq, hash FROM events WHERE actor = 'admin' ORDER BY actor_seq DESC LIMIT 1`))!;
    const key = await ws.core.keyring.store.unlock('admin', 'correct horse battery staple');
    const id = randomUUID();
    await expectProblem(
      () => insertSigned(key, admin.keyid, 'admin', id, admin.actor_seq + 1, admin.hash, 'roster.person-added', { name: 'wendy', publicKey: identity.toString('base64'), roles: ['approver'] }),
      () => write(sql`DELETE FROM events WHERE id = ${id}`),
      { kind: 'weak-key', event: id, detail: expect.stringContaining('adds wendy with a public key that is a point of small order') },
    );
  });

  async function insertSigned(
    privateKey: Parameters<typeof signBytes>[0],
    keyid: string,
    actor: string,
    id: string,
    seq: number,
    prev: string | null,
    type: LedgerEvent['type'] = 'thread.status-set',
    payload: Record<string, unknown> = { status: 'resolved', threadId: randomUUID() },
  ) {
    const lamport = (await ws.workspace.db.read.get<{ n: number }>(sql`SELECT MAX(lamport) AS n FROM events`))!.n + 1;
    const event: LedgerEvent = { v: 1, id, type, actor, keyid, seq, prev, lamport, at: new Date().toISOString(), payload };
    const text = eventText(event);
    const bytes = Buffer.from(text, 'utf8');
    await write(sql`INSERT INTO events (id, type, actor, at, payload, keyid, actor_seq, prev_hash, lamport, hash, signature)
      VALUES (${id}, ${event.type}, ${actor}, ${event.at}, ${canonicalJson(event.payload)}, ${keyid}, ${seq}, ${prev}, ${lamport}, ${eventHash(event, text)}, ${signBytes(privateKey, bytes)})`);
  }
});
