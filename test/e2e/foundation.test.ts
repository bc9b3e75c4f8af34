import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { root } from '../../scripts/lib/build-steps.mjs';

let workspace: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  workspace = path.join(await tempDir('ew-e2e-'), 'demo');
  const demo = await runCliProcess(['--workspace', workspace, 'demo']);
  expect(demo.code, demo.stderr).toBe(0);
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors } = await openWatchedPage(browser, app.launchUrl, { width: 1400, height: 850 }));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** What `git show` says the file holds: the UI must show the same text. */
async function vendorFile(component: string, ref: string, file: string): Promise<string> {
  return git(path.join(workspace, 'demo-vendor', `${component}.git`), 'show', `${ref}:${file}`);
}

async function openPath(filePath: string): Promise<void> {
  const parts = filePath.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = page.locator(`[data-testid="tree-row"][data-path="${parts.slice(0, i).join('/')}"]`);
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
  }
  await page.locator(`[data-testid="tree-row"][data-path="${filePath}"]`).click();
}

describe('the demo in web mode', () => {
  it('serves React\'s production build, even when the tests built it (Vitest runs with NODE_ENV=test)', async () => {
    const assets = path.join(root, 'dist', 'renderer', 'assets');
    const scripts = (await fs.readdir(assets)).filter((name) => /^index-.*\.js$/.test(name));
    expect(scripts.length).toBeGreaterThan(0);
    // Strings only React's development builds carry (its dev-only stack frames and per-element console tasks).
    for (const name of scripts) {
      const code = await fs.readFile(path.join(assets, name), 'utf8');
      expect(code).not.toContain('react-stack-bottom-frame');
      expect(code).not.toContain('createTask');
    }
    expect(await page.evaluate(() => document.querySelectorAll('script[type="module"]').length)).toBeGreaterThan(0);
  });

  it('lists the demo components with their mirrors synced', async () => {
    const list = page.getByTestId('component-list');
    await expect.poll(() => list.locator('li').count()).toBe(6);
    expect(await list.innerText()).toContain('payments-gateway');
    expect(await page.getByTestId('component-payments-gateway').innerText()).toMatch(/synced · \d+ refs/);
  });

  it('opens a file of a chosen release from the tree and shows its real text in Monaco', async () => {
    await page.getByTestId('component-payments-gateway').locator('.component-main').click();
    await page.getByTestId('release-picker').selectOption('refs/tags/v1.1.0');
    await openPath('internal/storage/transactions.go');
    const expected = (await vendorFile('payments-gateway', 'v1.1.0', 'internal/storage/transactions.go')).split('\n');
    // The file is shown at the chosen release once its tree is in (until then, as in the release before):
    // wait for every one of its first lines, not only the first, which both releases share.
    const wanted = expected.slice(0, 12).filter((l) => l.trim() !== '').map((l) => l.trim());
    await expect
      .poll(
        async () => {
          const shown = await visibleEditorText(page);
          return wanted.filter((line) => !shown.includes(line));
        },
        { timeout: 10_000 },
      )
      .toEqual([]);
    expect(await page.getByTestId('file-header').innerText()).toMatch(/internal\/storage\/transactions\.go\s+[\d,]+ bytes · go · utf-8/);
    await screenshot(page, 'e2e-foundation-file');
  });

  it('shows a binary file as binary, with its size, instead of its bytes', async () => {
    await page.getByTestId('component-document-archive').locator('.component-main').click();
    await page.getByTestId('release-picker').selectOption('refs/tags/v2.1.0');
    await openPath('assets/logo.png');
    await expect.poll(() => page.getByTestId('file-not-text').innerText()).toMatch(/^Binary file, [\d,]+ bytes/);
  });

  it('filters the tree as you type', async () => {
    await page.getByTestId('tree-filter').fill('ArchiveExport');
    await expect.poll(() => page.locator('[data-testid="tree-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')))).toEqual([
      'legacy',
      'legacy/delphi',
      'legacy/delphi/ArchiveExport.pas',
    ]);
    await page.getByTestId('tree-filter').fill('');
  });

  it('syncs from the UI with progress and a summary, and switches language', async () => {
    await page.getByTestId('sync-all').click();
    await expect.poll(() => page.getByTestId('sync-result').innerText(), { timeout: 30_000 }).toContain('Synced 6 components: 0 failed, 0 integrity alarms');
    await page.getByTestId('locale-ru').click();
    await expect.poll(() => page.locator('.section-title span').first().innerText()).toBe('Компоненты');
    expect(await page.getByTestId('sync-result').innerText()).toContain('Синхронизировано 6 компонентов');
    await screenshot(page, 'e2e-foundation-ru');
    await page.getByTestId('locale-kk').click();
    await expect.poll(() => page.locator('.section-title span').first().innerText()).toBe('Компоненттер');
    await page.getByTestId('locale-en').click();
  });

  it('adds a component from the sidebar and mirrors it; refuses a forbidden transport with the core\'s message', async () => {
    const vendor = await initRepository(path.join(await tempDir('ew-e2e-add-'), 'billing'));
    await commitFiles(vendor, { 'cmd/billing/main.go': 'package main\n\nfunc main() {}\n', 'README.md': '# Billing\n' }, 'first');
    await git(vendor, 'tag', 'v0.1.0');
    await page.getByTestId('component-add-open').click();
    const form = page.getByTestId('component-add-form');
    await form.getByTestId('component-add-name').fill('billing');
    await form.getByTestId('component-add-source').fill('ext::sh -c touch% /tmp/ew-e2e-pwned');
    await form.getByTestId('component-add-submit').click();
    await expect.poll(() => form.getByTestId('error-notice').getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await form.getByTestId('error-notice').innerText()).toContain('The transport "ext::" is not allowed (only https, ssh, file and local paths)');
    expect(await page.getByTestId('component-billing').count()).toBe(0);
    await screenshot(page, 'e2e-foundation-add-refused');
    await form.getByTestId('component-add-source').fill(vendor);
    await form.getByTestId('component-add-submit').click();
    await expect.poll(() => page.getByTestId('component-add-form').count()).toBe(0);
    const added = page.getByTestId('component-billing');
    await expect.poll(() => added.locator('.component-sub').first().innerText(), { timeout: 30_000 }).toBe('synced · 2 refs');
    await expect.poll(() => page.locator('[data-testid="tree-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')))).toEqual(['cmd', 'README.md']);
    await screenshot(page, 'e2e-foundation-added');
  });

  it('shows a clear error for a release that cannot be read, and no page errors at all', async () => {
    const outcome = await page.evaluate(async () => {
      const response = await fetch('/api/invoke/tree.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ component: 'payments-gateway', ref: 'v0.0.0' }) });
      return response.json();
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(pageErrors).toEqual([]);
  });
});
