// npm run build: the core (CLI and web mode), the Electron main and preload, and the renderer.
import { buildAll } from './lib/build-steps.mjs';

const started = Date.now();
await buildAll({ force: true });
console.error(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
