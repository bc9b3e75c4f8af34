import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from '../../scripts/lib/build-steps.mjs';
import { benchmarks, type BenchContext, type BenchResult } from './suite.js';
import { generateSyntheticRepository, type SyntheticShape } from './synthetic-repository.js';

/**
 * npm run bench: one table, every figure a ratio against its raw-git baseline measured in the same run,
 * on a generated repository (shape from --files/--commits/--refs). Writes bench-results/latest.{md,json}.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? process.env[`BENCH_${name.toUpperCase()}`] : process.argv[index + 1];
  return value === undefined ? fallback : Number(value);
}

const shape: SyntheticShape = { files: option('files', 20_000), commits: option('commits', 20_000), refs: option('refs', 5_000), seed: 20261123 };
// --only 'SARIF|gate' runs the benchmarks whose names contain any of the |-separated parts.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.split('|') : undefined;

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ew-bench-'));
const cleanups: Array<() => Promise<void>> = [];
try {
  const source = path.join(scratch, 'vendor.git');
  process.stderr.write(`generating a repository: ${shape.files} files, ${shape.commits} commits, ${shape.refs} refs …\n`);
  const started = Date.now();
  await generateSyntheticRepository(source, shape);
  process.stderr.write(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const context: BenchContext = { scratch, source, shape, onCleanup: (step) => cleanups.push(step) };
  const results: BenchResult[] = [];
  for (const bench of benchmarks) {
    if (only && !only.some((part) => bench.name.includes(part))) continue;
    process.stderr.write(`measuring: ${bench.name} …\n`);
    const result = await bench.run(context);
    results.push(result);
    // Each row as it is measured: a later row that fails does not take the earlier ones with it.
    process.stderr.write(`${markdownTable([result]).split('\n').at(-1)}\n`);
  }
  const machine = machineDescription();
  const table = markdownTable(results);
  const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; repository: ${shape.files} files, ${shape.commits} commits, ${shape.refs} refs.\n\n${table}\n`;
  process.stdout.write(`\n${markdown}`);
  // A partial run (--only) prints its rows and leaves the recorded full table alone.
  if (!only) {
    const out = path.join(root, 'bench-results');
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'latest.md'), markdown);
    await fs.writeFile(path.join(out, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, shape, results }, null, 2)}\n`);
    await updateReadme(markdown);
  }
} finally {
  for (const step of cleanups.reverse()) await step().catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`));
  await fs.rm(scratch, { recursive: true, force: true });
}

/** README.md shows the latest table between its bench markers. */
async function updateReadme(markdown: string): Promise<void> {
  const readme = path.join(root, 'README.md');
  const text = await fs.readFile(readme, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start === -1 || end < start) return;
  await fs.writeFile(readme, `${text.slice(0, start)}<!-- bench:start -->\n${markdown}${text.slice(end)}`);
}

function markdownTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => {
    const ratio = r.baselineMs === null ? '—' : `${(r.oursMs / r.baselineMs).toFixed(2)}×`;
    const met = r.goal.maxRatio !== undefined && r.baselineMs !== null ? r.oursMs / r.baselineMs <= r.goal.maxRatio : r.goal.maxMs !== undefined ? r.oursMs <= r.goal.maxMs : null;
    const unit = r.unit ?? 'ms';
    const goal = r.goal.maxRatio !== undefined ? `≤ ${r.goal.maxRatio}×` : r.goal.maxMs !== undefined ? `< ${r.goal.maxMs} ${unit}` : '—';
    return `| ${r.name} | ${r.oursMs.toFixed(1)} ${unit} | ${r.baselineName} ${r.baselineMs === null ? '' : `${r.baselineMs.toFixed(1)} ${unit}`} | ${ratio} | ${goal} | ${met === null ? '—' : met ? 'yes' : '**no**'} |`;
  });
  return ['| Measurement | Escrow Workbench | Baseline | Ratio | Goal | Met |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function machineDescription(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, ${git}`;
}
