import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, gitBuffer, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>.js';

let workspace: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let hostileCommit: string;
let pageErrors: string[] = [];
let dialogs: string[] = [];

beforeAll(async () => {
  const dir = await tempDir('ew-e2e-reading-');
  workspace = path.join(dir, 'demo');
  expect((await runCliProcess(['--workspace', workspace, 'demo'])).code).toBe(0);
  // A vendor repository whose file name is markup: it must be shown as the text it is, never run.
  const hostile = await initRepository(path.join(dir, 'hostile'));
  const dump = Array.from({ length: 160_000 }, (_, i) => `${String(i + 1).padStart(6, '0')} INSERT INTO audit VALUES (${i});\n`).join('');
  hostileCommit = await commitFiles(hostile, { [HOSTILE_NAME]: 'window.pwned = true;\n', 'README.md': '# <script>alert(2)</script>\n', 'logs/dump.sql': dump }, 'Markup in names');
  expect((await runCliProcess(['--workspace', workspace, 'component', 'add', 'hostile-names', hostile])).code).toBe(0);
  expect((await runCliProcess(['--workspace', workspace, 'sync', 'hostile-names'])).code).toBe(0);
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors, dialogs } = await openWatchedPage(browser, app.launchUrl));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const vendorRepo = (component: string) => path.join(workspace, 'demo-vendor', `${component}.git`);

async function chooseRelease(component: string, ref: string): Promise<void> {
  await page.getByTestId('view-code').click();
  await page.getByTestId(`component-${component}`).locator('.component-main').click();
  await page.getByTestId('release-picker').selectOption(ref);
}

async function quickOpen(query: string): Promise<void> {
  await page.locator('.topbar h1').click();
  await page.keyboard.press('Control+P');
  const input = page.getByPlaceholder('Go to file (type a few letters of its path)');
  await input.fill(query);
  await page.keyboard.press('Enter');
}

describe('reading a deposit', () => {
  it('opens a file by a few letters of its path with Ctrl+P and shows its text', async () => {
    await chooseRelease('payments-gateway', 'refs/tags/v1.2.0');
    await quickOpen('httpserver');
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain('internal/httpapi/server.go');
    const expected = await git(vendorRepo('payments-gateway'), 'show', 'v1.2.0:internal/httpapi/server.go');
    await expect.poll(() => visibleEditorText(page)).toContain(expected.split('\n')[0]!);
  });

  it('searches the release and lands on the matching line', async () => {
    await page.keyboard.press('Control+Shift+F');
    await page.getByTestId('search-pattern').fill('s.accessLog');
    await page.getByTestId('search-run').click();
    await expect.poll(() => page.getByTestId('search-summary').innerText()).toMatch(/^\d+ match(es)? in \d+ files?/);
    const file = page.locator('[data-testid="search-file"][data-path="internal/httpapi/server.go"]');
    const match = file.getByTestId('search-match').first();
    const lineNumber = Number(await match.locator('.line-number').innerText());
    const expected = (await git(vendorRepo('payments-gateway'), 'show', 'v1.2.0:internal/httpapi/server.go')).split('\n')[lineNumber - 1]!;
    expect(expected).toContain('s.accessLog');
    expect(await match.locator('mark').innerText()).toBe('s.accessLog');
    await screenshot(page, 'e2e-reading-search');
    await match.click();
    await expect.poll(() => page.url()).toContain(encodeURIComponent(`:internal/httpapi/server.go#L${lineNumber}`));
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .view-line', { hasText: 's.accessLog' }).count()).toBe(1);
  });

  it('compares two releases and shows the changed line side by side', async () => {
    await page.getByTestId('view-compare').click();
    const pickers = page.getByTestId('compare-view').getByTestId('release-picker');
    await pickers.nth(0).selectOption('refs/tags/v1.1.0');
    await pickers.nth(1).selectOption('refs/tags/v1.2.0');
    const stat = await git(vendorRepo('payments-gateway'), 'diff', '--shortstat', 'v1.1.0', 'v1.2.0');
    const [, files, added, removed] = /(\d+) files? changed, (\d+) insertions?\(\+\), (\d+) deletions?/.exec(stat)!;
    await expect.poll(() => page.getByTestId('compare-totals').innerText()).toBe(`${files} files changed, +${added} −${removed}`);
    await page.locator('[data-testid="changed-file"][data-path="internal/httpapi/server.go"]').click();
    const modified = page.locator('.monaco-diff-editor .editor.modified .view-lines');
    const original = page.locator('.monaco-diff-editor .editor.original .view-lines');
    await expect.poll(async () => (await modified.innerText()).replaceAll('\u00a0', ' ')).toContain('r.Use(middleware.RequestID, middleware.RealIP, s.accessLog, middleware.Recoverer)');
    expect((await original.innerText()).replaceAll('\u00a0', ' ')).toContain('r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer)');
    await expect.poll(() => page.locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert').count()).toBeGreaterThan(0);
    await screenshot(page, 'e2e-reading-compare');
  });

  it('shows blame beside the code and the file history with commit details', async () => {
    await page.getByTestId('view-code').click();
    await page.getByTestId('toggle-blame').click();
    const lastCommit = (await git(vendorRepo('payments-gateway'), 'log', '-1', '--format=%H', 'v1.2.0', '--', 'internal/httpapi/server.go')).trim();
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .line-note').allInnerTexts().then((t) => t.join('\n'))).toContain(lastCommit.slice(0, 8));
    await page.getByTestId('toggle-history').click();
    const entries = page.getByTestId('history-entry');
    // Merges count when they changed the file against their first parent: what reached the release line.
    const log = await git(vendorRepo('payments-gateway'), 'log', '--follow', '--diff-merges=first-parent', '--name-only', '--format=commit %h', 'v1.2.0', '--', 'internal/httpapi/server.go');
    const expected = log.split('\n').filter((line) => line.startsWith('commit '));
    expect(expected.length).toBeGreaterThan(3);
    await expect.poll(() => entries.count()).toBe(expected.length);
    await page.locator('[data-testid="history-entry"]', { hasText: lastCommit.slice(0, 8) }).click();
    const subject = (await git(vendorRepo('payments-gateway'), 'log', '-1', '--format=%s', lastCommit)).trim();
    await expect.poll(() => page.getByTestId('commit-details').innerText()).toContain(subject);
    expect(await page.getByTestId('commit-details').innerText()).toContain('internal/httpapi/server.go');
    await screenshot(page, 'e2e-reading-blame-history');
  });

  it('decodes a windows-1251 file and a KOI8-R file, and lets the reader pick another encoding', async () => {
    await chooseRelease('document-archive', 'refs/tags/v2.1.0');
    await quickOpen('ArchiveExport.pas');
    await expect.poll(() => visibleEditorText(page)).toContain('Выгрузка документов');
    expect(await page.getByTestId('file-header').innerText()).toContain('windows-1251');
    await page.getByTestId('encoding-picker').selectOption('koi8-r');
    await expect.poll(() => visibleEditorText(page)).not.toContain('Выгрузка документов');
    await quickOpen('export_cards.sql');
    await expect.poll(() => visibleEditorText(page)).toContain('Выгрузка карточек документов');
    expect(await page.getByTestId('file-header').innerText()).toContain('koi8-r');
    await screenshot(page, 'e2e-reading-koi8');
  });

  it('shows a binary file as a hex dump of its real bytes', async () => {
    await quickOpen('assets/logo.png');
    const bytes = await gitBuffer(vendorRepo('document-archive'), 'cat-file', 'blob', 'v2.1.0:assets/logo.png');
    await expect.poll(() => page.getByTestId('file-not-text').innerText()).toContain(`Binary file, ${bytes.length.toLocaleString('en')} bytes`);
    const firstRow = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(firstRow).toBe('89 50 4e 47 0d 0a 1a 0a');
    await expect.poll(() => visibleEditorText(page)).toContain(`00000000  ${firstRow}`);
    expect(await visibleEditorText(page)).toContain('|.PNG....');
  });

  it('pages through a file over 5 MB, numbering lines as in the whole file', async () => {
    await page.goto(`${app.launchUrl}#/open/${encodeURIComponent(`hostile-names@${hostileCommit}:logs/dump.sql`)}`);
    const pager = page.getByTestId('paged-text');
    await expect.poll(() => pager.locator('.pager-bar span').innerText()).toMatch(/^page 1 of 7, from line 1$/);
    await expect.poll(() => visibleEditorText(page)).toContain('000001 INSERT INTO audit VALUES (0);');
    await pager.getByRole('button', { name: 'Next page' }).click();
    const bar = await (async () => {
      await expect.poll(() => pager.locator('.pager-bar span').innerText()).toMatch(/^page 2 of 7, from line \d+$/);
      return pager.locator('.pager-bar span').innerText();
    })();
    const firstLine = Number(/from line (\d+)/.exec(bar)![1]);
    expect(firstLine).toBeGreaterThan(20_000);
    // The page's first line is that line of the whole file, and Monaco numbers it so.
    await expect.poll(() => visibleEditorText(page)).toContain(`${String(firstLine).padStart(6, '0')} INSERT INTO audit VALUES (${firstLine - 1});`);
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .line-numbers').first().innerText()).toBe(String(firstLine));
    await screenshot(page, 'e2e-reading-paged');
  });

  it('shows a file named with markup as text and runs none of it', async () => {
    await chooseRelease('hostile-names', 'refs/heads/main');
    const row = page.locator('[data-testid="tree-row"]', { hasText: HOSTILE_NAME });
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain(HOSTILE_NAME);
    await expect.poll(() => visibleEditorText(page)).toContain('window.pwned = true;');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    // The deep link to it round-trips, however odd the name.
    await page.goto(`${app.launchUrl}#/open/${encodeURIComponent(`hostile-names@${hostileCommit}:${HOSTILE_NAME}#L1`)}`);
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain(HOSTILE_NAME);
    await screenshot(page, 'e2e-reading-hostile-name');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
