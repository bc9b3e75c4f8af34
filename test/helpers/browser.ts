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

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/** The lines Monaco is rendering right now, as a person sees them (its non-breaking spaces as spaces). */
export async function visibleEditorText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="code-viewer"] .view-lines').innerText()).replaceAll('\u00a0', ' ');
}

export interface WatchedPage {
  page: Page;
  /** Uncaught page errors and console errors, in order. */
  pageErrors: string[];
  /** Messages of dialogs the page opened (each dismissed): vendor text must never open one. */
  dialogs: string[];
}

/** A new page on the app that records errors and dialogs, for tests to assert that none happened. */
export async function openWatchedPage(browser: Browser, url: string, viewport = { width: 1500, height: 950 }): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport });
  const watched: WatchedPage = { page, pageErrors: [], dialogs: [] };
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && watched.pageErrors.push(message.text()));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return watched;
}

/**
 * Act as another person through the top bar's switcher: choose them among the keys on this machine and, if
 * their key is locked, unlock it with their passphrase (the page reloads, as another person would open it).
 */
export async function actAs(page: Page, person: string, passphrase: string): Promise<void> {
  await page.getByTestId('person-switch').click();
  await page.getByTestId('person-select').selectOption(person);
  const field = page.getByTestId('person-passphrase');
  if ((await field.count()) > 0) await field.fill(passphrase);
  await page.getByTestId('person-save').click();
  await page.getByTestId('person-name').filter({ hasText: new RegExp(`^${person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout: 10_000 });
}
