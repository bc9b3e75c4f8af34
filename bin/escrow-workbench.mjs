#!/usr/bin/env node
// The package's executable. From a checkout it builds the core bundle first when it is missing or stale.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'core', 'cli.mjs');
if (existsSync(path.join(root, 'scripts', 'lib', 'build-steps.mjs')) && existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  const { buildCore } = await import(pathToFileURL(path.join(root, 'scripts', 'lib', 'build-steps.mjs')).href);
  await buildCore();
}
await import(pathToFileURL(bundle).href);
