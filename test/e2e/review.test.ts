import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const CHARGE_V1 = ['package pay', '', 'func Charge(id string) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');
const CHARGE_V2 = ['package pay', '', 'import "log"', '', 'func Charge(id string) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');

let workspace: string;
let repo: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dialogs: string[] = [];

beforeAll(async () => {
  const dir = await tempDir('ew-e2e-review-');
  workspace = path.join(dir, 'ws');
  repo = await initRepository(path.join(dir, 'billing'));
  await commitFiles(repo, { 'pay/charge.go': CHARGE_V1, 'pay/refund.go': 'package pay\n\nfunc Refund() {}\n', 'README.md': '# Billing\n' }, 'v1');
  await git(repo, 'tag', 'v1.0.0');
  const cli = (...args: string[]) => runCliProcess(['--workspace', workspace, ...args]);
  expect((await cli('init')).code).toBe(0);
  expect((await cli('component', 'add', 'billing', repo)).code).toBe(0);
  expect((await cli('sync')).code).toBe(0);
  expect((await cli('release', 'pin', 'billing', 'v1.0.0')).code).toBe(0);
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors, dialogs } = await openWatchedPage(browser, app.launchUrl));
  await page.evaluate(() => window.localStorage.setItem('escrow-workbench.person', 'Aliya'));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const openAt = (location: string) => page.goto(`${app.url}#/open/${encodeURIComponent(location)}`);

function invoke(method: string, input: unknown): Promise<{ ok: boolean; result?: unknown }> {
  return page.evaluate(
    async ({ method, input }) => (await fetch(`/api/invoke/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json() as Promise<{ ok: boolean }>,
    { method, input },
  );
}

async function commitOf(ref: string): Promise<string> {
  return (await git(repo, 'rev-parse', `${ref}^{commit}`)).trim();
}

describe('review in the Code view', () => {
  it('comments on a line; after a reload the thread is there, under its line', async () => {
    await openAt(`billing@${await commitOf('v1.0.0')}:pay/charge.go#L4`);
    await page.reload();
    await expect.poll(() => page.getByTestId('person-name').innerText()).toBe('Aliya');
    await expect.poll(() => visibleEditorText(page)).toContain('SELECT * FROM cards');
    await page.getByTestId('comment-lines').click();
    await page.getByTestId('new-thread-body').fill('Query built from **input**: <img src=x onerror=alert(1)>');
    await page.getByTestId('new-thread-submit').click();
    await expect.poll(() => page.getByTestId('thread-card').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByTestId('thread-zone').count()).toBe(1);
    expect(await page.getByTestId('thread-zone').innerText()).toContain('Aliya');
    await page.getByTestId('toggle-threads').click();
    const card = page.getByTestId('thread-card');
    await expect.poll(() => card.innerText()).toContain('pay/charge.go:4–4');
    // Markdown renders as structure; the HTML in it is never rendered.
    expect(await card.locator('strong', { hasText: 'input' }).count()).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await card.getByTestId('thread-reply-input').fill('Agreed — the vendor must use a parameter.');
    await card.getByTestId('thread-reply').click();
    await expect.poll(() => card.getByTestId('thread-comment').count()).toBe(2);
    await screenshot(page, 'e2e-review-thread');
  });

  it('marks files reviewed and the coverage rises', async () => {
    const summary = page.getByTestId('coverage-summary');
    await expect.poll(() => summary.innerText()).toContain('Reviewed 0% of lines · 0/3 files · 10 lines to read');
    await page.getByTestId('mark-file-reviewed').click();
    await expect.poll(() => summary.innerText()).toContain('Reviewed 60% of lines · 1/3 files · 4 lines to read');
    await page.locator('[data-testid="tree-row"][data-path="pay/refund.go"]').click();
    await expect.poll(() => visibleEditorText(page)).toContain('func Refund()');
    await page.getByTestId('mark-file-reviewed').click();
    await expect.poll(() => summary.innerText()).toContain('2/3 files · 1 line to read');
    expect(await page.getByTestId('tree-reviewed').count()).toBe(2);
    await screenshot(page, 'e2e-review-coverage');
  });

  it('after a newer release is pinned, the thread follows its line and unchanged files keep their credit', async () => {
    await commitFiles(repo, { 'pay/charge.go': CHARGE_V2 }, 'v2');
    await git(repo, 'tag', 'v2.0.0');
    // The served app holds the workspace: sync and pin through it, as the UI does.
    expect(await invoke('sync.run', {})).toMatchObject({ ok: true });
    expect(await invoke('release.pin', { component: 'billing', ref: 'v2.0.0' })).toMatchObject({ ok: true });
    await openAt(`billing@${await commitOf('v2.0.0')}:pay/charge.go`);
    await page.reload();
    await expect.poll(() => visibleEditorText(page)).toContain('import "log"');
    await page.getByTestId('toggle-threads').click();
    const card = page.getByTestId('thread-card');
    await expect.poll(() => card.innerText()).toContain('pay/charge.go:6–6');
    expect(await card.innerText()).toContain('moved');
    // charge.go changed, so only its credit is gone; refund.go kept its credit.
    await expect.poll(() => page.getByTestId('coverage-summary').innerText()).toContain('1/3 files · 9 lines to read');
    expect(await page.getByTestId('coverage-summary').innerText()).toContain('1 file keeps credit from an earlier release');
    await screenshot(page, 'e2e-review-reanchored');
  });

  it('records a finding on the selected lines, shown in the gutter', async () => {
    await openAt(`billing@${await commitOf('v2.0.0')}:pay/charge.go#L6-L7`);
    await page.reload();
    await expect.poll(() => visibleEditorText(page)).toContain('SELECT * FROM cards');
    await page.getByTestId('add-finding-lines').click();
    const form = page.getByTestId('finding-form');
    expect(await form.getByTestId('finding-path').inputValue()).toBe('pay/charge.go');
    expect(await form.getByTestId('finding-lines').inputValue()).toBe('6-7');
    await form.getByTestId('finding-title').fill('SQL query built from the card id');
    await form.getByTestId('finding-severity').selectOption('high');
    await form.getByTestId('finding-cwe').fill('CWE-89');
    await form.getByTestId('finding-submit').click();
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .glyph-finding').count()).toBeGreaterThan(0);
    const status = await invoke('review.status', { component: 'billing', ref: 'v2.0.0' });
    expect(status).toMatchObject({ ok: true, result: { status: 'changes-requested', activeFindings: { high: 1 } } });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
