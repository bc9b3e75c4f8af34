import type { SyntheticShape } from './synthetic-repository.js';

export interface BenchContext {
  scratch: string;
  /** The generated vendor repository (bare). */
  source: string;
  shape: SyntheticShape;
  /** Run once the whole table is measured (servers, browsers, open workspaces). */
  onCleanup(step: () => Promise<void>): void;
}

export interface BenchResult {
  name: string;
  /** The measured figure: milliseconds, or MiB when `unit` says so. */
  oursMs: number;
  unit?: 'ms' | 'MiB';
  baselineName: string;
  baselineMs: number | null;
  goal: { maxRatio?: number; maxMs?: number };
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<BenchResult>;
}
