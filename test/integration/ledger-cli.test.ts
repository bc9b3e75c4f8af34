import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreDispatcher } from '../../electron/api/core-dispatcher.js';
import { PROJECTION_TABLES } from '../../electron/core/events/projector.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { rawSql } from '../../electron/db/sql.js';
import type { Thread } from '../../shared/contract/review.js';
import { outputs, root } from '../../scripts/lib/build-steps.mjs';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, TEST_PASSPHRASE, type TestWorkspace } from '../helpers/workspace.js';

/** More kills with ESCROW_CRASH_ITERATIONS (the default keeps `npm test` short). */
const KILLS = Number(process.env['ESCROW_CRASH_ITERATIONS'] ?? 6);
const REPLIES = 1500;

let admin: TestWorkspace;
let vendor: string;
let shared: string;
let reviewerDir: string;
const env = { ESCROW_PASSPHRASE: TEST_PASSPHRASE };

async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCliProcess(['--workspace', reviewerDir, ...args], { env });
}

async function tables(ws: Workspace): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { table, ignore = [] } of PROJECTION_TABLES) {
    const rows = await ws.db.read.all<Record<string, unknown>>(rawSql(`SELECT * FROM ${table}`));
    out[table] = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !ignore.includes(k) && k !== 'component_id')))).sort();
  }
  return out;
}

beforeAll(async () => {
  const dir = await tempDir('ew-ledger-cli-');
  vendor = await initRepository(path.join(dir, 'payments'));
  await commitFiles(vendor, { 'pay/handler.go': 'package pay\n\nfunc Charge() error {\n\treturn nil\n}\n' }, 'v1');
  await git(vendor, 'tag', 'v1');
  shared = await initRepository(path.join(dir, 'shared.git'), { bare: true });
  reviewerDir = path.join(dir, 'reviewer');

  // The reviewer's workstation, from the command line: a workspace, Dana's own key, the same deposit.
  for (const args of [['init'], ['identity', 'new', 'Dana'], ['component', 'add', 'payments', vendor], ['sync'], ['ledger', 'remote', 'add', 'shared', shared]]) {
    const run = await cli(...args);
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  }
  const dana = JSON.parse((await cli('--json', 'identity', 'export', 'Dana')).stdout) as { publicKey: string };

  admin = await createTestWorkspace({ people: { Rita: ['reviewer'] }, actor: 'Rita' });
  await admin.core.roster.add('admin', 'Dana', ['reviewer'], dana.publicKey);
  await call(admin.dispatcher, 'component.add', { name: 'payments', source: vendor });
  await call(admin.dispatcher, 'sync.run', {});
  const thread = (await call(admin.dispatcher, 'thread.open', { component: 'payments', ref: 'v1', path: 'pay/handler.go', startLine: 3, endLine: 3, body: 'First' }, 'Rita')) as Thread;
  // Enough signed events that a pull takes a while and a kill lands in the middle of it.
  await admin.workspace.db.transaction(async (tx) => {
    for (let i = 0; i < REPLIES; i++) await admin.core.ledger.append(tx, 'Rita', 'thread.replied', { threadId: thread.id, commentId: randomUUID(), body: `Reply ${i}` });
  });
  await call(admin.dispatcher, 'ledger.remoteAdd', { name: 'shared', url: shared });
  await call(admin.dispatcher, 'ledger.push', { remote: 'shared' });
}, 180_000);
afterAll(async () => admin?.close());

describe('ledger from the command line', () => {
  it('survives kill -9 at any moment of a pull: afterwards the database is whole, and a pull completes it', async () => {
    const random = (() => {
      let a = 20261123;
      return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
    })();
    let killedMidway = 0;
    const thread = (await admin.workspace.db.read.get<{ id: string }>(rawSql('SELECT id FROM threads')))!.id;
    for (let i = 0; i < KILLS; i++) {
      // Every round brings new events, so every kill lands on a pull with work to do.
      if (i > 0) {
        await admin.workspace.db.transaction(async (tx) => {
          for (let k = 0; k < 200; k++) await admin.core.ledger.append(tx, 'Rita', 'thread.replied', { threadId: thread, commentId: randomUUID(), body: `Round ${i} reply ${k}` });
        });
        await call(admin.dispatcher, 'ledger.push', { remote: 'shared' });
      }
      const delay = 150 + Math.floor(random() * (i === 0 ? 2500 : 1200));
      const killed = await new Promise<boolean>((resolve) => {
        const child = spawn(process.execPath, [outputs.core, '--workspace', reviewerDir, 'ledger', 'pull', 'shared'], { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', (_code, signal) => {
          clearTimeout(timer);
          resolve(signal === 'SIGKILL');
        });
      });
      if (killed) killedMidway++;
      // Whatever the moment, the events held and the tables they explain agree: all of a pull or none of it.
      const ws = await Workspace.open(reviewerDir, { face: 'cli', write: false });
      try {
        const counts = await ws.db.read.get<{ replies: number; comments: number }>(
          rawSql("SELECT (SELECT COUNT(*) FROM events WHERE type IN ('thread.replied', 'thread.opened')) AS replies, (SELECT COUNT(*) FROM comments) AS comments"),
        );
        expect(counts!.comments, `round ${i}`).toBe(counts!.replies);
        expect(await ws.db.integrityCheck()).toEqual([]);
      } finally {
        await ws.close();
      }
    }
    expect(killedMidway).toBeGreaterThanOrEqual(Math.ceil(KILLS / 3));

    const final = await cli('--json', 'ledger', 'pull', 'shared');
    expect(final.code, final.stderr).toBe(0);
    expect(JSON.parse(final.stdout)).toMatchObject({ quarantined: [] });
    const fsck = await git(path.join(reviewerDir, 'ledger.git'), 'fsck', '--strict');
    expect(fsck).not.toMatch(/error|missing|broken/i);

    const reviewer = await Workspace.open(reviewerDir, { face: 'cli', write: true });
    try {
      const { core } = await createCoreDispatcher(reviewer, { actor: 'Dana', passphrases: async () => TEST_PASSPHRASE });
      expect(await tables(reviewer)).toEqual(await tables(admin.workspace));
      expect(await core.audit.verify()).toMatchObject({ ok: true, problems: [] });
    } finally {
      await reviewer.close();
    }
  });

  it('exports and imports bundles, refuses bad ones with exit 1 or 2 and a message, and tells the next mark', async () => {
    const file = path.join(await tempDir('ew-ledger-bundle-'), 'ledger.bundle');
    const exported = (await call(admin.dispatcher, 'ledger.export', { file })) as { mark: string; events: number };
    const again = await cli('--json', 'ledger', 'import', file);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ source: 'bundle', applied: 0, quarantined: [] });

    const human = await cli('ledger', 'export', path.join(path.dirname(file), 'mine.bundle'));
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Mark for the next export: [0-9a-f]{40}/);
    const nothing = await cli('ledger', 'export', path.join(path.dirname(file), 'none.bundle'), '--since', human.stdout.match(/[0-9a-f]{40}/)![0]);
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toMatch(/Nothing was signed since mark/);
    const notBundle = await cli('ledger', 'import', path.join(vendor, 'pay', 'handler.go'));
    expect(notBundle.code).toBe(1);
    expect(notBundle.stderr).toMatch(/not a git bundle|not a bundle/i);
    const noRemote = await cli('ledger', 'pull', 'nowhere');
    expect(noRemote.code).not.toBe(0);
    expect(noRemote.stderr).toMatch(/no ledger remote called nowhere/);
    expect(exported.mark).toMatch(/^[0-9a-f]{40}$/);
  });
});
