// npm run bench [-- --files N --commits N --refs N --only NAME]: the benchmark table (test/bench/run.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/build-steps.mjs';

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'bench', 'run.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
