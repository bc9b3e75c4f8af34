import type { Benchmark } from './bench-types.js';
import { digestBenchmarks } from './benchmarks/digest.js';
import { historyBenchmarks } from './benchmarks/history.js';
import { mirrorBenchmarks } from './benchmarks/mirror.js';
import { rendererBenchmarks } from './benchmarks/renderer.js';
import { reviewBenchmarks } from './benchmarks/review.js';
import { readingBenchmarks } from './benchmarks/reading.js';
import { searchBenchmarks } from './benchmarks/search.js';
import { trustBenchmarks } from './benchmarks/trust.js';

export type { BenchContext, BenchResult, Benchmark } from './bench-types.js';

/** The benchmarks, in table order. Each feature keeps its own in benchmarks/. */
export const benchmarks: Benchmark[] = [...mirrorBenchmarks, ...readingBenchmarks, ...searchBenchmarks, ...historyBenchmarks, ...digestBenchmarks, ...reviewBenchmarks, ...trustBenchmarks, ...rendererBenchmarks];
