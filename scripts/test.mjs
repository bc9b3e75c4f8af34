// npm test: type checks, lint, then every test (unit, integration with real git and sqlite, end-to-end in
// Chromium) in one Vitest run that prints its pass/fail counts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/build-steps.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['.']],
  ['tests', bin('vitest'), ['run', ...process.argv.slice(2)]],
];

const results = [];
for (const [name, command, args] of steps) {
  const started = Date.now();
  const code = await new Promise((resolve) => spawn(command, args, { cwd: root, stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)));
  results.push(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code !== 0) break;
}
console.log(`\n${results.join('\n')}`);
process.exit(results.every((r) => r.includes('passed')) && results.length === steps.length ? 0 : 1);
