import { TreeService } from '../../../electron/core/code/tree-service.js';
import type { Benchmark } from '../bench-types.js';
import { mirroredWorkspace } from '../bench-workspace.js';
import { compare, rawGit } from '../measure.js';

export const readingBenchmarks: Benchmark[] = [
  {
    name: 'tree listing of a release',
    async run(context) {
      const { workspace, core, gitDir, tree } = await mirroredWorkspace(context);
      const { oursMs, baselineMs } = await compare(
        async () => {
          // A new service each time: the service keeps recent listings, and this measures the first one.
          const listed = await new TreeService(workspace, core.releases).list('vendor', 'main');
          if (listed.entries.length !== context.shape.files) throw new Error(`listed ${listed.entries.length} files`);
        },
        () => rawGit([`--git-dir=${gitDir}`, 'ls-tree', '-r', tree], context.scratch),
        { runs: 21, warmup: 3 },
      );
      return { name: this.name, oursMs, baselineName: 'git ls-tree -r', baselineMs, goal: { maxRatio: 1.3 } };
    },
  },
  {
    name: 'warm file open (30 files of a release)',
    async run(context) {
      const { core, gitDir, commit } = await mirroredWorkspace(context);
      const listed = await core.trees.list('vendor', commit);
      const blobs = listed.entries.filter((e) => e.mode === '100644' || e.mode === '100755');
      const step = Math.max(1, Math.floor(blobs.length / 30));
      const paths = blobs.filter((_, i) => i % step === 0).slice(0, 30).map((e) => e.path);
      // Warm: the release is resolved and its object reader running, as once the reader has opened any file.
      await core.trees.read('vendor', commit, paths[0]!);
      const { oursMs, baselineMs } = await compare(
        async () => {
          for (const file of paths) {
            const { file: content } = await core.trees.read('vendor', commit, file);
            if (content.path !== file) throw new Error(`read ${content.path} for ${file}`);
          }
        },
        async () => {
          for (const file of paths) await rawGit([`--git-dir=${gitDir}`, 'show', `${commit}:${file}`], context.scratch);
        },
        { runs: 11, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git show per file', baselineMs, goal: { maxRatio: 0.33 } };
    },
  },
];
