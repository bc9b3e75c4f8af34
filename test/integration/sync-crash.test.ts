import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteConnection } from '../../electron/db/connection.js';
import { rawSql } from '../../electron/db/sql.js';
import { outputs, root } from '../../scripts/lib/build-steps.mjs';
import { generateSyntheticRepository } from '../bench/synthetic-repository.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { git, refsOf } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** More iterations with ESCROW_CRASH_ITERATIONS (the default keeps `npm test` short). */
const ITERATIONS = Number(process.env['ESCROW_CRASH_ITERATIONS'] ?? 8);

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start `sync` and kill -9 it after `delayMs`; resolves with whether it was still running. */
function syncKilledAfter(workspace: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [outputs.core, '--workspace', workspace, 'sync'], { cwd: root, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

/** Change the vendor repository the way vendors do: new commits, a rewritten branch, a moved tag, new refs. */
async function vendorChanges(repo: string, round: number, random: () => number): Promise<void> {
  const work = await tempDir('ew-crash-work-');
  await git(work, 'clone', '-q', repo, 'w');
  const w = path.join(work, 'w');
  await git(w, 'config', 'user.name', 'Vendor');
  await git(w, 'config', 'user.email', 'v@vendor.example');
  for (let i = 0; i < 3; i++) {
    await fs.writeFile(path.join(w, `round-${round}-${i}.txt`), `${'data '.repeat(2000)}${random()}\n`);
    await git(w, 'add', '.');
    await git(w, 'commit', '-q', '-m', `round ${round} change ${i}`);
  }
  await git(w, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  await git(w, 'push', '-q', '-f', 'origin', 'HEAD~2:refs/heads/branch-0');
  await git(w, 'push', '-q', '-f', 'origin', `HEAD:refs/tags/v${1 + (round % 3)}.0`);
  await git(w, 'push', '-q', 'origin', `HEAD:refs/heads/feature-${round}`);
}

describe('a sync killed at random moments', () => {
  it(`loses nothing: after each of ${ITERATIONS} kills the next sync completes and the deposit verifies`, { timeout: 60_000 + ITERATIONS * 20_000 }, async () => {
    const seed = Number(process.env['ESCROW_CRASH_SEED'] ?? Date.now() % 100_000);
    const random = seeded(seed);
    const scratch = await tempDir('ew-crash-');
    const repo = path.join(scratch, 'vendor.git');
    await generateSyntheticRepository(repo, { files: 2500, commits: 150, refs: 60, seed: 7 });
    const workspace = path.join(scratch, 'ws');
    await runCliProcess(['--workspace', workspace, 'init']);
    await runCliProcess(['--workspace', workspace, 'component', 'add', 'vendor', `file://${repo}`]);

    // How long an uninterrupted first sync takes here, to spread the kills over it.
    const probeWs = path.join(scratch, 'probe');
    await runCliProcess(['--workspace', probeWs, 'init']);
    await runCliProcess(['--workspace', probeWs, 'component', 'add', 'vendor', `file://${repo}`]);
    const started = Date.now();
    await runCliProcess(['--workspace', probeWs, 'sync']);
    const fullSyncMs = Math.max(300, Date.now() - started);

    let killedWhileRunning = 0;
    for (let round = 0; round < ITERATIONS; round++) {
      if (round > 0 && round % 2 === 0) await vendorChanges(repo, round, random);
      if (await syncKilledAfter(workspace, Math.floor(random() * fullSyncMs * 1.2))) killedWhileRunning++;

      const resumed = await runCliProcess(['--workspace', workspace, '--json', 'sync']);
      expect(resumed.code, `seed ${seed}, round ${round}: ${resumed.stdout}${resumed.stderr}`).toBe(0);
      const mirrorDir = path.join(workspace, 'mirrors');
      const entries = await fs.readdir(mirrorDir);
      expect(entries.filter((e) => e.includes('.sync-') || e.startsWith('.bundle-check')), `seed ${seed}`).toEqual([]);
      const mirror = path.join(mirrorDir, entries.find((e) => e.endsWith('.git'))!);
      expect(await refsOf(mirror, { excludeEscrow: true }), `seed ${seed}, round ${round}`).toEqual(await refsOf(repo));
      const verify = await runCliProcess(['--workspace', workspace, '--json', 'verify']);
      expect(verify.code, `seed ${seed}, round ${round}: ${verify.stdout}`).toBe(0);
    }
    const db = await SqliteConnection.open(path.join(workspace, 'workbench.db'), { readonly: true, create: false });
    expect(await db.all(rawSql('PRAGMA integrity_check'))).toEqual([{ integrity_check: 'ok' }]);
    const pending = await db.all(rawSql("SELECT id, status FROM syncs WHERE status IN ('running', 'applying')"));
    expect(pending).toEqual([]);
    await db.close();
    expect(killedWhileRunning, `seed ${seed}: the kills must land while sync runs`).toBeGreaterThan(0);
  });
});
