import path from 'node:path';
import { createCoreServices } from '../../electron/core/services.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { compare, median, rawGit, time, timeEach } from './measure.js';
import type { SyntheticShape } from './synthetic-repository.js';

export interface BenchContext {
  scratch: string;
  /** The generated vendor repository (bare). */
  source: string;
  shape: SyntheticShape;
}

export interface BenchResult {
  name: string;
  oursMs: number;
  baselineName: string;
  baselineMs: number | null;
  goal: { maxRatio?: number; maxMs?: number };
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchResult>;
}

let counter = 0;
const fresh = (context: BenchContext, label: string) => path.join(context.scratch, `${label}-${counter++}`);

/** A workspace with the source registered and mirrored, shared by the reading benchmarks. */
let mirrored: Promise<{ workspace: Workspace; core: ReturnType<typeof createCoreServices>; gitDir: string; tree: string }> | null = null;
function mirroredWorkspace(context: BenchContext) {
  mirrored ??= (async () => {
    const workspace = await Workspace.create(fresh(context, 'reading'), 'cli');
    const core = createCoreServices(workspace);
    await core.components.add('vendor', `file://${context.source}`);
    await core.sync.syncComponents(['vendor']);
    const release = await core.releases.resolve('vendor', 'main');
    return { workspace, core, gitDir: release.gitDir, tree: release.tree };
  })();
  return mirrored;
}

/** The benchmarks, in table order. Later features add theirs here. */
export const benchmarks: Benchmark[] = [
  {
    name: 'initial mirror (sync of a new component)',
    async run(context) {
      // Alternate ours and the baseline so both see the same page cache and machine load.
      const ours: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < 5; i++) {
        ours.push(
          (
            await timeEach(
              async () => {
                const workspace = await Workspace.create(fresh(context, 'ws'), 'cli');
                const core = createCoreServices(workspace);
                await core.components.add('vendor', `file://${context.source}`);
                return { workspace, core };
              },
              async ({ workspace, core }) => {
                const [result] = await core.sync.syncComponents(['vendor']);
                if (result?.status !== 'ok') throw new Error(`sync failed: ${JSON.stringify(result?.error)}`);
                await workspace.close();
              },
              1,
            )
          ).medianMs,
        );
        baseline.push((await time(() => rawGit(['clone', '-q', '--mirror', `file://${context.source}`, fresh(context, 'clone')], context.scratch), 1, 0)).medianMs);
      }
      return { name: this.name, oursMs: median(ours), baselineName: 'git clone --mirror', baselineMs: median(baseline), goal: { maxRatio: 1.1 } };
    },
  },
  {
    name: 'tree listing of a release',
    async run(context) {
      const { core, gitDir, tree } = await mirroredWorkspace(context);
      const { oursMs, baselineMs } = await compare(
        async () => {
          const listed = await core.trees.list('vendor', 'main');
          if (listed.entries.length !== context.shape.files) throw new Error(`listed ${listed.entries.length} files`);
        },
        () => rawGit([`--git-dir=${gitDir}`, 'ls-tree', '-r', tree], context.scratch),
        { runs: 21, warmup: 3 },
      );
      return { name: this.name, oursMs, baselineName: 'git ls-tree -r', baselineMs, goal: { maxRatio: 1.3 } };
    },
  },
];
