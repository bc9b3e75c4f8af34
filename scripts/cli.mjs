// npm run --silent cli -- <args>: the command line from a checkout (rebuilds the core bundle when stale).
import { pathToFileURL } from 'node:url';
import { buildCore, outputs } from './lib/build-steps.mjs';

await buildCore();
await import(pathToFileURL(outputs.core).href);
