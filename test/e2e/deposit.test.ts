import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, actAs } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { git } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { DEMO_PASSPHRASE } from '../../electron/core/demo/demo-workspace.js';

let workspace: string;
let vendor: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  workspace = path.join(await tempDir('ew-e2e-deposit-'), 'demo');
  expect((await runCliProcess(['--workspace', workspace, 'demo'])).code).toBe(0);
  // The vendor moves a released tag and rewrites a branch: the next sync must raise two alarms.
  vendor = path.join(workspace, 'demo-vendor', 'payments-gateway.git');
  await git(vendor, 'tag', '-f', 'v1.0.0', 'refs/heads/main');
  await git(vendor, 'branch', '-f', 'develop', 'refs/tags/v1.1.0');
  expect((await runCliProcess(['--workspace', workspace, 'sync', 'payments-gateway'])).code).toBe(0);
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors } = await openWatchedPage(browser, app.launchUrl, { width: 1500, height: 1000 }));
  // Acknowledging an alarm is a signed decision of the demo's admin.
  await actAs(page, 'Gulnara', DEMO_PASSPHRASE);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const component = () => page.getByTestId('component-payments-gateway');

describe('the deposit page', () => {
  it('shows the open alarms as a badge and lists them with the preserved refs', async () => {
    await expect.poll(() => component().getByTestId('alarm-badge').innerText()).toBe('⚠ 2');
    await component().locator('.component-main').click();
    await page.getByTestId('view-deposit').click();
    const alarms = page.getByTestId('alarms-card');
    await expect.poll(() => alarms.innerText()).toContain('refs/tags/v1.0.0');
    const text = await alarms.innerText();
    expect(text).toContain('2 open alarms');
    expect(text).toMatch(/kept at refs\/escrow\/preserved\/\d+\/refs\/tags\/v1\.0\.0/);
    expect(await page.getByTestId('sync-history').innerText()).toMatch(/⚠2/);
  });

  it('acknowledges an alarm with a comment, keeping it on record', async () => {
    const tagAlarm = page.locator('[data-testid^="alarm-"]', { hasText: 'refs/tags/v1.0.0' }).first();
    await tagAlarm.locator('textarea').fill('Vendor re-tagged v1.0.0 by mistake; the approved commit is preserved.');
    await tagAlarm.getByRole('button').click();
    await expect.poll(() => tagAlarm.innerText()).toContain('Vendor re-tagged v1.0.0 by mistake');
    await expect.poll(() => component().getByTestId('alarm-badge').innerText()).toBe('⚠ 1');
  });

  it('pins a release whose digest the stand-alone digest command confirms, and shows its inventory', async () => {
    await page.getByTestId('pin-ref').selectOption('refs/tags/v1.2.0');
    await page.getByTestId('pin-button').click();
    const releases = page.getByTestId('releases-card');
    await expect.poll(() => releases.innerText(), { timeout: 20_000 }).toMatch(/sha256:[0-9a-f]{64}/);
    const commit = (await git(vendor, 'rev-parse', 'v1.2.0^{commit}')).trim();
    const independent = await runCliProcess(['digest', '--repo', vendor, '--commit', commit]);
    expect(independent.code).toBe(0);
    expect(await releases.innerText()).toContain(independent.stdout.trim());
    const inventory = page.getByTestId('inventory-card');
    await expect.poll(() => inventory.innerText()).toContain('Inventory of v1.2.0');
    expect(await page.getByTestId('inventory-totals').innerText()).toMatch(/^\d+ files, [\d,]+ bytes, [\d,]+ lines of text$/);
    expect(await inventory.innerText()).toContain('go.mod · go');
    expect(await inventory.locator('canvas').count()).toBeGreaterThanOrEqual(2);
  });

  it('verifies the deposit from the page', async () => {
    await page.getByTestId('verify-button').click();
    await expect.poll(() => page.getByTestId('verification-result').innerText(), { timeout: 30_000 }).toMatch(/^✓ Complete and unaltered/);
    await screenshot(page, 'e2e-deposit-page');
    await page.getByTestId('locale-ru').click();
    await expect.poll(() => page.getByTestId('verification-result').innerText()).toMatch(/^✓ Полон и не изменён/);
    await screenshot(page, 'e2e-deposit-page-ru');
    await page.getByTestId('locale-en').click();
    expect(pageErrors).toEqual([]);
  });
});
