// npm start: build what is stale, create the demo workspace on first run, then open the app —
// Electron when its binary is installed, otherwise web mode in the browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildAll, outputs, root } from './lib/build-steps.mjs';

const workspace = path.resolve(process.env.ESCROW_WORKSPACE ?? path.join(root, 'demo-workspace'));

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function openInBrowser(url) {
  const opener = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ['xdg-open', [url]] : null;
  if (!opener) return;
  const child = spawn(opener[0], opener[1], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

await buildAll();
if (!existsSync(path.join(workspace, 'escrow-workspace.json'))) {
  console.log(`Creating the demo workspace in ${workspace} …`);
  const code = await run(process.execPath, [outputs.core, '--workspace', workspace, 'demo']);
  if (code !== 0) process.exit(code);
}

const electron = electronBinary();
if (electron) {
  process.exit(await run(electron, [outputs.main], { env: { ...process.env, ESCROW_WORKSPACE: workspace } }));
}

console.log("Electron's binary is not installed on this machine, so Escrow Workbench opens in web mode:");
console.log('the same app, served on 127.0.0.1 only, with a one-time token in the URL below.');
const server = spawn(process.execPath, [outputs.core, '--workspace', workspace, '--json', 'serve', '--port', process.env.ESCROW_PORT ?? '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
let announced = '';
server.stdout.on('data', (chunk) => {
  announced += chunk.toString('utf8');
  const newline = announced.indexOf('\n');
  if (newline === -1) return;
  const { launchUrl } = JSON.parse(announced.slice(0, newline));
  announced = announced.slice(newline + 1);
  console.log(`\n  ${launchUrl}\n\nPress Ctrl+C to stop.`);
  openInBrowser(launchUrl);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
