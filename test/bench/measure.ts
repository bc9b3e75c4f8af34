import { spawn } from 'node:child_process';

export interface Timing {
  medianMs: number;
  runs: number[];
}

/** Run `work` `runs` times (after `warmup` untimed runs) and keep the median wall time. */
export async function time(work: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, runs: samples };
}

/** Like time(), with an untimed `prepare` before every run (fresh state for work that consumes it). */
export async function timeEach<T>(prepare: () => Promise<T>, work: (prepared: T) => Promise<unknown>, runs: number): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = await prepare();
    const started = process.hrtime.bigint();
    await work(prepared);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, runs: samples };
}

/**
 * Run a raw git command as the baseline. Its output is read (and dropped), as any program using the
 * command must read it; a baseline writing to /dev/null would measure less than the task.
 */
export function rawGit(args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')}: ${stderr}`))));
  });
}

/** A shell pipeline as the baseline (e.g. `git archive | sha256sum`). */
export function shell(command: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Measure ours and the baseline alternately, so both see the same load, caches and garbage-collector
 * state; `prepare` (untimed) runs before each sample of either side.
 */
export async function compare(
  ours: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  options: { runs: number; warmup?: number; prepare?: () => Promise<void> },
): Promise<{ oursMs: number; baselineMs: number }> {
  const oursSamples: number[] = [];
  const baselineSamples: number[] = [];
  const sample = async (work: () => Promise<unknown>, into: number[] | null) => {
    await options.prepare?.();
    const started = process.hrtime.bigint();
    await work();
    into?.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    await sample(ours, null);
    await sample(baseline, null);
  }
  for (let i = 0; i < options.runs; i++) {
    await sample(ours, oursSamples);
    await sample(baseline, baselineSamples);
  }
  return { oursMs: median(oursSamples), baselineMs: median(baselineSamples) };
}
