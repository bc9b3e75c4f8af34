import type { Benchmark } from '../bench-types.js';
import { mirroredWorkspace } from '../bench-workspace.js';
import { compare, rawGit } from '../measure.js';

/** A word in about one generated line in ten: the search streams, parses and keeps tens of thousands of lines. */
const WORD = 'payment';

export const searchBenchmarks: Benchmark[] = [
  {
    name: 'search of a release',
    async run(context) {
      const { core, gitDir, tree } = await mirroredWorkspace(context);
      let runs = 0;
      const { oursMs, baselineMs } = await compare(
        async () => {
          const summary = await core.search.start(
            { pattern: WORD, regex: false, caseSensitive: true, wholeWord: false, include: [], exclude: [], scope: { kind: 'release', component: 'vendor', ref: 'main' } },
            { searchId: `bench-search-${runs++}`, maxMatches: 100_000 },
          );
          // A truncated search would stop early and measure less than git's full pass.
          if (summary.truncated || summary.totalMatches === 0) throw new Error(`searched ${summary.totalMatches} lines, truncated: ${summary.truncated}`);
        },
        () => rawGit([`--git-dir=${gitDir}`, 'grep', '-n', '-I', '-F', '-e', WORD, tree], context.scratch),
        { runs: 11, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git grep -n -I -F', baselineMs, goal: { maxRatio: 1.2 } };
    },
  },
];
