import type { Benchmark } from '../bench-types.js';

export const searchBenchmarks: Benchmark[] = [];
