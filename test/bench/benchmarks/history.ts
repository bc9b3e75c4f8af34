import type { Benchmark } from '../bench-types.js';

export const historyBenchmarks: Benchmark[] = [];
