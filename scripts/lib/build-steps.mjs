import { promises as fs, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outputs = {
  core: path.join(root, 'dist', 'core', 'cli.mjs'),
  main: path.join(root, 'dist', 'main', 'main.js'),
  preload: path.join(root, 'dist', 'preload', 'preload.cjs'),
  renderer: path.join(root, 'dist', 'renderer', 'index.html'),
};

const CORE_INPUTS = ['electron', 'shared', 'resources/verifier', 'package.json'];
const RENDERER_INPUTS = ['renderer', 'shared', 'vite.config.ts', 'package.json', 'scripts/lib/build-steps.mjs'];

function newestMtime(entry) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isStale(output, inputs) {
  let built;
  try {
    built = statSync(output).mtimeMs;
  } catch {
    return true;
  }
  return inputs.some((input) => newestMtime(input) > built);
}

/** Bundle one Node entry with esbuild, writing atomically so a concurrent reader never sees half a file. */
async function bundle(entry, outfile, format, external) {
  const esbuild = await import('esbuild');
  const temp = `${outfile}.${process.pid}.tmp`;
  await fs.mkdir(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    packages: 'external',
    external,
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: format === 'esm' ? { js: "import { createRequire as __ewCreateRequire } from 'node:module'; const require = __ewCreateRequire(import.meta.url);" } : undefined,
  });
  await fs.rename(temp, outfile);
  await fs.rename(`${temp}.map`, `${outfile}.map`).catch(() => undefined);
}

export async function buildCore({ force = false } = {}) {
  if (!force && !isStale(outputs.core, CORE_INPUTS)) return false;
  await bundle('electron/cli/bin.ts', outputs.core, 'esm', []);
  return true;
}

export async function buildElectron({ force = false } = {}) {
  if (!force && !isStale(outputs.main, CORE_INPUTS) && !isStale(outputs.preload, CORE_INPUTS)) return false;
  await bundle('electron/main/main.ts', outputs.main, 'esm', ['electron']);
  await bundle('electron/preload/preload.ts', outputs.preload, 'cjs', ['electron']);
  return true;
}

export async function buildRenderer({ force = false } = {}) {
  if (!force && !isStale(outputs.renderer, RENDERER_INPUTS)) return false;
  const { build } = await import('vite');
  // Always React's production build: Vitest sets NODE_ENV=test, and with it Vite would bundle React's development
  // build (jsxDEV, console.createTask per element) — several times slower — into the app people then start.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}

export async function buildAll({ force = false } = {}) {
  await buildCore({ force });
  await buildElectron({ force });
  await buildRenderer({ force });
}
