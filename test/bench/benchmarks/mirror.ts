import { createCoreServices } from '../../../electron/core/services.js';
import { Workspace } from '../../../electron/core/workspace/workspace.js';
import type { Benchmark } from '../bench-types.js';
import { freshPath, mirroredWorkspace } from '../bench-workspace.js';
import { compare, median, rawGit, time, timeEach } from '../measure.js';

export const mirrorBenchmarks: Benchmark[] = [
  {
    name: 'initial mirror (sync of a new component)',
    async run(context) {
      // Alternate ours and the baseline so both see the same page cache and machine load.
      const ours: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < 7; i++) {
        const sample = await timeEach(
          async () => {
            const workspace = await Workspace.create(freshPath(context, 'ws'), 'cli');
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
        );
        ours.push(sample.medianMs);
        baseline.push((await time(() => rawGit(['clone', '-q', '--mirror', `file://${context.source}`, freshPath(context, 'clone')], context.scratch), 1, 0)).medianMs);
      }
      return { name: this.name, oursMs: median(ours), baselineName: 'git clone --mirror', baselineMs: median(baseline), goal: { maxRatio: 1.1 } };
    },
  },
  {
    name: 'no-op sync (nothing changed at the source)',
    async run(context) {
      const { core } = await mirroredWorkspace(context);
      const clone = freshPath(context, 'fetch-baseline');
      await rawGit(['clone', '-q', '--mirror', `file://${context.source}`, clone], context.scratch);
      const { oursMs, baselineMs } = await compare(
        async () => {
          const [result] = await core.sync.syncComponents(['vendor']);
          if (result?.status !== 'ok' || result.refs.unchanged !== context.shape.refs + 1) throw new Error(`unexpected sync: ${JSON.stringify(result)}`);
        },
        () => rawGit([`--git-dir=${clone}`, 'fetch', '-q'], context.scratch),
        { runs: 15, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git fetch', baselineMs, goal: { maxRatio: 1.2 } };
    },
  },
];
