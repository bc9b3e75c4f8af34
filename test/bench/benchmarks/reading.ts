import type { Benchmark } from '../bench-types.js';
import { mirroredWorkspace } from '../bench-workspace.js';
import { compare, rawGit } from '../measure.js';

export const readingBenchmarks: Benchmark[] = [
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
