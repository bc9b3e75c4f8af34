import { randomUUID } from 'node:crypto';
import { sql } from '../../../electron/db/sql.js';
import type { Benchmark } from '../bench-types.js';
import type { CoreServices } from '../../../electron/core/services.js';
import { mirroredWorkspace, trustedMirror, WIDE_FILES, wideSource } from '../bench-workspace.js';
import { median } from '../measure.js';
import { ed25519Engine } from '../../../electron/core/trust/ed25519.js';

/** BENCH_EVENTS makes a quicker run while working on it. */
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 50_000);

export const trustBenchmarks: Benchmark[] = [
  {
    name: `audit verify of ${EVENTS.toLocaleString('en')} signed events (goal > 20k events/s)`,
    async run(context) {
      // Its own workspace: the shared one holds a million rows written straight into tables, which no event explains.
      const { workspace, core, commit } = await trustedMirror(context, 'audit');
      const path = (await core.trees.list('vendor', commit)).entries.find((e) => e.mode === '100644')!.path;
      const thread = await core.threads.open('bench', 'vendor', commit, path, 1, 1, 'Audit bench thread');
      // Real signed, chained events through the ledger (each with its projection), a thousand per transaction.
      for (let done = 0; done < EVENTS; done += 1000) {
        await workspace.db.transaction(async (tx) => {
          for (let i = 0; i < Math.min(1000, EVENTS - done); i++) await core.ledger.append(tx, 'bench', 'thread.replied', { threadId: thread.id, commentId: randomUUID(), body: `Reply ${done + i}` });
        });
      }
      const total = (await workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n;
      // After each commit the ledger writes the new events to ledger.git in the background (git fast-import):
      // that is not the audit's work, so it is finished before the clock starts.
      await core.ledgerRepository.flush();
      const started = process.hrtime.bigint();
      const report = await core.audit.verify();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!report.ok) throw new Error(`audit found ${report.problems.length} problems: ${report.problems[0]?.detail}`);
      // The goal is a rate: the time 20k events/s would take for this many events.
      return { name: `${this.name}: ${Math.round(total / (ms / 1000)).toLocaleString('en')} events/s, Ed25519 by ${ed25519Engine()}`, oursMs: ms, baselineName: 'goal from the issue', baselineMs: null, goal: { maxMs: (total / 20_000) * 1000 } };
    },
  },
  {
    name: 'release gate of a 20,000-file release with 100k imported findings (warm)',
    async run(context) {
      // After the SARIF benchmark (same workspace): the gate must place 100k findings without hydrating them.
      const { workspace, core, commit } = await mirroredWorkspace(context);
      const held = (await workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM findings`))!.n;
      if (held < 100_000) throw new Error(`the workspace holds ${held} findings; run this row with the SARIF import row before it (--only 'SARIF|release gate')`);
      return { name: this.name, oursMs: await warmGate(core, commit), baselineName: 'goal from the issue', baselineMs: null, goal: { maxMs: 1000 } };
    },
  },
  {
    name: `release gate of a ${WIDE_FILES / 1000}k-file release (warm)`,
    async run(context) {
      const { core, commit } = await trustedMirror(context, 'gate', await wideSource(context));
      return { name: this.name, oursMs: await warmGate(core, commit), baselineName: 'goal from the issue', baselineMs: null, goal: { maxMs: 1000 } };
    },
  },
];

/** The median of five gate evaluations after a first one (which reads every blob's line count once). */
async function warmGate(core: CoreServices, commit: string): Promise<number> {
  await core.gates.evaluate('vendor', commit);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    await core.gates.evaluate('vendor', commit);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}
