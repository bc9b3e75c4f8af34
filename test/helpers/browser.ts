import { promises as fs } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { root } from '../../scripts/lib/build-steps.mjs';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium here: no sandbox as root, and no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's launch gives every browser a fresh, temporary user-data dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export const SCREENSHOT_DIR = path.join(root, 'test-results');

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The lines Monaco is rendering right now, as a person sees them (its non-breaking spaces as spaces). */
export async function visibleEditorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="code-viewer"] .view-lines').innerText()).replaceAll('\u00a0', ' ');
}
