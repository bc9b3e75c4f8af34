import { digestGitTree } from '../../../electron/core/digest/git-tree-digest.js';
import { runGit } from '../../../electron/git/runner.js';
import type { Benchmark } from '../bench-types.js';
import { compare, shell } from '../measure.js';

export const digestBenchmarks: Benchmark[] = [
  {
    name: 'release digest',
    async run(context) {
      const gitDir = context.source;
      const tree = (await runGit(['rev-parse', '--verify', 'main^{tree}'], { gitDir })).stdout.toString('utf8').trim();
      // The nearest thing git offers: every blob of the tree read and hashed once, as one stream.
      const baseline = `git --git-dir='${gitDir}' archive ${tree} | sha256sum`;
      const { oursMs, baselineMs } = await compare(
        async () => {
          const result = await digestGitTree(gitDir, tree);
          if (result.files.length !== context.shape.files) throw new Error(`digested ${result.files.length} files`);
        },
        () => shell(baseline, context.scratch),
        { runs: 11, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git archive piped to sha256sum', baselineMs, goal: { maxRatio: 1.5 } };
    },
  },
];
