import { runGit } from '../../../electron/git/runner.js';
import type { Benchmark } from '../bench-types.js';
import { mirroredWorkspace } from '../bench-workspace.js';
import { compare, rawGit } from '../measure.js';

/** A commit of the generated history by revision expression: bench code, not user input. */
async function commitAt(gitDir: string, expression: string): Promise<string> {
  return (await runGit(['rev-parse', '--verify', `${expression}^{commit}`], { gitDir })).stdout.toString('utf8').trim();
}

export const historyBenchmarks: Benchmark[] = [
  {
    name: 'diff between two commits',
    async run(context) {
      const { core, gitDir, commit } = await mirroredWorkspace(context);
      const older = await commitAt(gitDir, `main~${Math.min(200, context.shape.commits - 1)}`);
      const { oursMs, baselineMs } = await compare(
        async () => {
          const diff = await core.history.diffFiles('vendor', older, commit);
          if (diff.files.length === 0) throw new Error('no changes between the two commits');
        },
        () => rawGit([`--git-dir=${gitDir}`, 'diff-tree', '-r', '-M', '--numstat', older, commit], context.scratch),
        { runs: 15, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git diff-tree -r -M --numstat', baselineMs, goal: { maxRatio: 1.3 } };
    },
  },
  {
    name: 'blame of one file',
    async run(context) {
      const { core, gitDir, commit } = await mirroredWorkspace(context);
      // A file changed some 200 commits back (each change rewrites it whole): blame walks that far.
      const changedAt = await commitAt(gitDir, `main~${Math.min(200, context.shape.commits - 2)}`);
      const changed = (await runGit(['diff-tree', '-r', '--name-only', '--no-commit-id', '-z', `${changedAt}~1`, changedAt], { gitDir })).stdout.toString('utf8').split('\u0000');
      const path = changed.find((p) => p !== '');
      if (!path) throw new Error(`commit ${changedAt} changed no file`);
      const { oursMs, baselineMs } = await compare(
        async () => {
          const blame = await core.history.blame('vendor', commit, path);
          if (blame.lines === 0) throw new Error(`blamed no lines of ${path}`);
        },
        () => rawGit([`--git-dir=${gitDir}`, 'blame', '--porcelain', commit, '--', path], context.scratch),
        { runs: 15, warmup: 2 },
      );
      return { name: this.name, oursMs, baselineName: 'git blame --porcelain', baselineMs, goal: { maxRatio: 1.3 } };
    },
  },
];
