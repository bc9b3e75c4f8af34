import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { rawSql, sql } from '../../electron/db/sql.js';
import type { Thread } from '../../shared/contract/review.js';
import { root } from '../../scripts/lib/build-steps.mjs';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, TEST_PASSPHRASE } from '../helpers/workspace.js';

/** More kills with ESCROW_CRASH_ITERATIONS (the default keeps `npm test` short; the bar is 20). */
const KILLS = Number(process.env['ESCROW_CRASH_ITERATIONS'] ?? 6);

/** Start the writer, kill -9 it after `delayMs`; the ids it acknowledged (printed after commit). */
function burstKilledAfter(workspace: string, threadId: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'helpers', 'write-burst.ts'), workspace, threadId, TEST_PASSPHRASE], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ESCROW_KDF_ITERATIONS: process.env['ESCROW_KDF_ITERATIONS'] ?? '1000' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    // The clock starts at the first acknowledged event, so every kill lands among writes.
    let timer: NodeJS.Timeout | null = null;
    child.stdout.once('data', () => (timer = setTimeout(() => child.kill('SIGKILL'), delayMs)));
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      // A line cut off by the kill was not acknowledged.
      resolve(out.split('\n').slice(0, -1).filter((l) => l.length > 0));
    });
  });
}

describe('kill -9 during bursts of signed writes', () => {
  it('loses no acknowledged event, and the database, the signed log and the ledger repository stay whole', async () => {
    const scratch = await tempDir('ew-write-crash-');
    const repo = await initRepository(path.join(scratch, 'payments'));
    await commitFiles(repo, { 'pay/handler.go': 'package pay\n' }, 'v1');
    await git(repo, 'tag', 'v1');
    const setup = await createTestWorkspace({ people: { Rita: ['reviewer'] }, actor: 'Rita' });
    await call(setup.dispatcher, 'component.add', { name: 'payments', source: repo });
    await call(setup.dispatcher, 'sync.run', {});
    const thread = (await call(setup.dispatcher, 'thread.open', { component: 'payments', ref: 'v1', path: 'pay/handler.go', startLine: 1, endLine: 1, body: 'Burst target' })) as Thread;
    const workspaceDir = setup.root;
    await setup.close();

    let seed = 20261123;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const acknowledged: string[] = [];
    for (let i = 0; i < KILLS; i++) acknowledged.push(...(await burstKilledAfter(workspaceDir, thread.id, 50 + Math.floor(random() * 700))));
    expect(acknowledged.length).toBeGreaterThan(KILLS);

    const workspace = await Workspace.open(workspaceDir, { face: 'cli', write: true });
    try {
      const held = new Set((await workspace.db.read.all<{ id: string }>(sql`SELECT id FROM events`)).map((r) => r.id));
      expect(acknowledged.filter((id) => !held.has(id))).toEqual([]);
      expect(await workspace.db.integrityCheck()).toEqual([]);
      const core = createCoreServices(workspace, { actor: 'Rita', passphrases: async () => TEST_PASSPHRASE });
      expect(await core.audit.verify()).toMatchObject({ ok: true, problems: [] });
      // Events committed but not yet in the ledger repository when the kill came are written now.
      await core.ledgerRepository.flush();
      const pending = await workspace.db.read.get<{ n: number }>(rawSql('SELECT COUNT(*) AS n FROM events WHERE ledger_commit IS NULL'));
      expect(pending).toEqual({ n: 0 });
      const { files } = await core.ledgerRepository.eventFiles((await core.ledgerRepository.tip())!);
      expect(files.size).toBe(held.size);
      expect(await git(workspace.paths.ledger, 'fsck', '--strict')).not.toMatch(/error|missing|broken/i);
    } finally {
      await workspace.close();
    }
  }, 300_000);
});
