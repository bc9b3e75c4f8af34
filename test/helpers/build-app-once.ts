import { existsSync } from 'node:fs';
import { buildCore, buildRenderer } from '../../scripts/lib/build-steps.mjs';
import { CHROMIUM_PATH } from './browser.js';

/** End-to-end tests need the built renderer, the core bundle and Debian's Chromium. */
export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium (.ci/run does this).`);
  }
  await buildCore();
  await buildRenderer();
}
