import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { TEST_PASSPHRASE } from '../helpers/workspace.js';

const CHARGE_V1 = ['package pay', '', 'func Charge(id string) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');
const CHARGE_V2 = ['package pay', '', 'import "log"', '', 'func Charge(id string) error {', '\tquery := "SELECT * FROM cards WHERE id=" + id', '\treturn db.Exec(query)', '}', ''].join('\n');

let workspace: string;
let repo: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dialogs: string[] = [];
const passphraseBefore = process.env['ESCROW_PASSPHRASE'];

beforeAll(async () => {
  // Every change is signed: Aliya's key is made on this machine, she is in the roster, and the served core
  // opens her key with the passphrase from its environment (as a server would, never with a prompt).
  process.env['ESCROW_PASSPHRASE'] = TEST_PASSPHRASE;
  const dir = await tempDir('ew-e2e-review-');
  workspace = path.join(dir, 'ws');
  repo = await initRepository(path.join(dir, 'billing'));
  await commitFiles(repo, { 'pay/charge.go': CHARGE_V1, 'pay/refund.go': 'package pay\n\nfunc Refund() {}\n', 'README.md': '# Billing\n' }, 'v1');
  await git(repo, 'tag', 'v1.0.0');
  const cli = (...args: string[]) => runCliProcess(['--workspace', workspace, ...args]);
  expect((await cli('init', '--admin', 'admin')).code).toBe(0);
  expect((await cli('identity', 'new', 'Aliya')).code).toBe(0);
  expect((await cli('--as', 'admin', 'user', 'add', 'Aliya', '--role', 'reviewer', '--role', 'security')).code).toBe(0);
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
  if (passphraseBefore === undefined) delete process.env['ESCROW_PASSPHRASE'];
  else process.env['ESCROW_PASSPHRASE'] = passphraseBefore;
});

/**
 * Open a location in a fresh page load (through the launch URL, whose redirect keeps the fragment). Not a hash
 * change then a reload: until the release resolves, the address bar names the release being left (or nothing,
 * just after a load), so a reload at once would open something else.
 */
async function openAt(location: string): Promise<void> {
  await page.goto(`${app.launchUrl}#/open/${encodeURIComponent(location)}`);
}
/** After a reload the editor loads apart from the first screen: give it time on a loaded machine. */
const AFTER_RELOAD = { timeout: 10_000 };

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
    await expect.poll(() => page.getByTestId('person-name').innerText(), AFTER_RELOAD).toBe('Aliya');
    await expect.poll(() => visibleEditorText(page), AFTER_RELOAD).toContain('SELECT * FROM cards');
    await page.getByTestId('comment-lines').click();
    await page.getByTestId('new-thread-body').fill('Query built from **input**: <img src=x onerror=alert(1)>');
    await page.getByTestId('new-thread-submit').click();
    await expect.poll(() => page.getByTestId('thread-card').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByTestId('thread-zone').count(), AFTER_RELOAD).toBe(1);
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
    await expect.poll(() => visibleEditorText(page), AFTER_RELOAD).toContain('import "log"');
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
    await expect.poll(() => visibleEditorText(page), AFTER_RELOAD).toContain('SELECT * FROM cards');
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

describe('review criteria in the Code view', () => {
  const summary = () => page.getByTestId('coverage-summary').innerText();
  const picker = () => page.getByTestId('criterion-select');

  it('defines a criterion in the form; marks against it count for it and for the criterion it implies; the choice is remembered', async () => {
    await openAt(`billing@${await commitOf('v2.0.0')}:pay/charge.go`);
    await expect.poll(() => visibleEditorText(page), AFTER_RELOAD).toContain('import "log"');
    expect(await picker().inputValue()).toBe('safe-to-deploy');
    // v2: refund.go keeps its credit from v1 (3 of 12 lines); charge.go changed and README.md was never read.
    await expect.poll(summary).toContain('Reviewed 25% of lines · 1/3 files · 9 lines to read');

    await page.getByTestId('criterion-define').click();
    const form = page.getByTestId('criterion-form');
    // The core's refusal is shown as it says it.
    await form.getByTestId('criterion-name').fill('safe-to-deploy');
    await form.getByTestId('criterion-submit').click();
    await expect.poll(() => form.getByTestId('error-notice').innerText()).toContain('Component billing already has the criterion "safe-to-deploy".');
    await screenshot(page, 'e2e-review-criterion-refused');
    await form.getByTestId('criterion-name').fill('crypto-reviewed');
    await form.getByTestId('criterion-description').fill('Keys, signatures and TLS settings checked by a cryptographer.');
    await form.locator('[data-testid="criterion-implies"][data-criterion="safe-to-deploy"]').check();
    await form.getByTestId('criterion-submit').click();
    await expect.poll(() => picker().inputValue()).toBe('crypto-reviewed');
    expect(await page.getByTestId('criterion-form').count()).toBe(0);
    expect(await page.getByTestId('criterion-about').innerText()).toContain('A mark against it also counts for: safe-to-deploy');
    // Nothing is credited against the new criterion yet: no earlier release was read against it.
    await expect.poll(summary).toContain('Reviewed 0% of lines · 0/3 files · 12 lines to read');
    expect(await page.getByTestId('tree-reviewed').count()).toBe(0);
    await screenshot(page, 'e2e-review-criterion-form');

    await page.getByTestId('mark-file-reviewed').click();
    await expect.poll(() => page.getByTestId('review-marked').innerText()).toBe('Marked reviewed against crypto-reviewed.');
    await expect.poll(summary).toContain('Reviewed 66.6% of lines · 1/3 files · 4 lines to read');
    // The tree marks what was read against the chosen criterion only.
    await expect.poll(() => page.getByTestId('tree-reviewed').count()).toBe(1);
    expect(await page.locator('[data-testid="tree-row"][data-path="pay/charge.go"] [data-testid="tree-reviewed"]').innerText()).toBe('✓');
    // The mark counts for safe-to-deploy too: charge.go (8 lines) joins refund.go (3): 11 of 12 lines.
    expect(await picker().locator('option[value="safe-to-deploy"]').innerText()).toBe('safe-to-deploy · 91.6% of lines');
    expect(await picker().locator('option[value="crypto-reviewed"]').innerText()).toBe('crypto-reviewed · 66.6% of lines');
    await screenshot(page, 'e2e-review-criterion-marked');

    await picker().selectOption('safe-to-deploy');
    await expect.poll(summary).toContain('Reviewed 91.6% of lines · 2/3 files · 1 line to read');
    await expect.poll(() => page.getByTestId('tree-reviewed').count()).toBe(2);
    const core = await invoke('review.coverage', { component: 'billing', ref: 'v2.0.0', criterion: 'safe-to-deploy' });
    expect(core).toMatchObject({ ok: true, result: { criteria: expect.arrayContaining([expect.objectContaining({ criterion: 'safe-to-deploy', backlogLines: 1 })]) } });

    await picker().selectOption('crypto-reviewed');
    await expect.poll(summary).toContain('Reviewed 66.6% of lines');
    await page.reload();
    await expect.poll(() => picker().inputValue(), AFTER_RELOAD).toBe('crypto-reviewed');
    await expect.poll(summary, AFTER_RELOAD).toContain('Reviewed 66.6% of lines · 1/3 files · 4 lines to read');
    await expect.poll(() => page.getByTestId('tree-reviewed').count()).toBe(1);
    // Marking lines goes against the chosen criterion as well.
    await page.locator('[data-testid="tree-row"][data-path="README.md"]').click();
    await expect.poll(() => visibleEditorText(page)).toContain('# Billing');
    await page.getByTestId('mark-file-reviewed').click();
    await expect.poll(summary).toContain('Reviewed 75% of lines · 2/3 files · 3 lines to read');
    await picker().selectOption('safe-to-deploy');
    await expect.poll(summary).toContain('Reviewed 100% of lines · 3/3 files · 0 lines to read');
    expect(pageErrors).toEqual([]);
  });
});

describe('threads in the Compare view', () => {
  const diff = '[data-testid="diff-viewer"]';
  const glyphs = (side: 'original' | 'modified') => page.locator(`${diff} .editor.${side} .glyph-thread`);

  async function openCompare(path: string): Promise<void> {
    await openAt(`billing@${await commitOf('v2.0.0')}:${path}`);
    await page.getByTestId('view-compare').click();
    await page.locator(`[data-testid="changed-file"][data-path="${path}"]`).click();
    await expect.poll(async () => (await page.locator(`${diff} .editor.modified .view-lines`).innerText()).replaceAll('\u00a0', ' '), AFTER_RELOAD).toContain('import "log"');
  }

  /** Click a line number on one side of the diff (Shift+click the last one), as a person selects lines there. */
  async function selectLines(side: 'original' | 'modified', start: number, end: number): Promise<void> {
    const numbers = page.locator(`${diff} .editor.${side} .line-numbers`);
    await numbers.filter({ hasText: new RegExp(`^${start}$`) }).click();
    if (end !== start) await numbers.filter({ hasText: new RegExp(`^${end}$`) }).click({ modifiers: ['Shift'] });
  }

  it('starts a thread on lines of the newer release; glyph, card and reply are there after a reload', async () => {
    await openCompare('pay/charge.go');
    // The thread written on v1 in the Code view sits on the left at its line, and on the right where its line moved.
    await expect.poll(() => glyphs('original').count()).toBe(1);
    await expect.poll(() => glyphs('modified').count()).toBe(1);
    const oldCard = page.locator('[data-testid="thread-card"]', { hasText: 'Query built from' });
    expect(await oldCard.getByTestId('thread-side-left').innerText()).toBe('old 4–4');
    expect(await oldCard.getByTestId('thread-side-right').innerText()).toBe('new 6–6');

    expect(await page.getByTestId('comment-lines').isDisabled()).toBe(true);
    await selectLines('modified', 3, 4);
    await expect.poll(() => page.getByTestId('comment-lines').innerText()).toBe('Comment on new 3–4');
    await page.getByTestId('comment-lines').click();
    expect(await page.getByTestId('threads-panel').innerText()).toContain('New thread on pay/charge.go, lines 3–4');
    await page.getByTestId('new-thread-body').fill('Why does the gateway **log** card ids now?');
    await page.getByTestId('new-thread-submit').click();
    const card = page.locator('[data-testid="thread-card"]', { hasText: 'Why does the gateway' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('strong', { hasText: 'log' }).count()).toBe(1);
    expect(await card.getByTestId('thread-side-right').innerText()).toBe('new 3–4');
    // Added lines have nothing to sit on in the older release.
    expect(await card.getByTestId('thread-side-left').count()).toBe(0);
    await expect.poll(() => glyphs('modified').count()).toBe(3);
    expect(await glyphs('original').count()).toBe(1);
    const opened = await invoke('thread.list', { component: 'billing', ref: 'v2.0.0', path: 'pay/charge.go' });
    expect(opened).toMatchObject({ ok: true, result: { threads: expect.arrayContaining([expect.objectContaining({ anchor: expect.objectContaining({ commit: await commitOf('v2.0.0'), startLine: 3, endLine: 4 }) })]) } });

    await card.getByTestId('thread-reply-input').fill('Only the last four digits, says the vendor.');
    await card.getByTestId('thread-reply').click();
    await expect.poll(() => card.getByTestId('thread-comment').count()).toBe(2);
    await screenshot(page, 'e2e-review-compare-threads');

    await openCompare('pay/charge.go');
    await expect.poll(() => glyphs('modified').count()).toBe(3);
    const again = page.locator('[data-testid="thread-card"]', { hasText: 'Why does the gateway' });
    await expect.poll(() => again.getByTestId('thread-comment').allInnerTexts()).toEqual([
      expect.stringContaining('Why does the gateway log card ids now?'),
      expect.stringContaining('Only the last four digits, says the vendor.'),
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('shows on the left a thread written on the older release, and brings its card into view from the glyph', async () => {
    await openCompare('pay/charge.go');
    await expect.poll(() => glyphs('original').count()).toBe(1);
    await glyphs('original').click();
    const focused = page.locator('.thread-card.focused');
    await expect.poll(() => focused.count()).toBe(1);
    expect(await focused.innerText()).toContain('Query built from input');
    expect(await focused.getByTestId('thread-side-left').innerText()).toBe('old 4–4');
    expect(await focused.isVisible()).toBe(true);
    // A thread started on the left is kept on the older release's lines.
    await selectLines('original', 5, 5);
    await expect.poll(() => page.getByTestId('comment-lines').innerText()).toBe('Comment on old 5–5');
    await page.getByTestId('comment-lines').click();
    await page.getByTestId('new-thread-body').fill('This return was already here in v1.');
    await page.getByTestId('new-thread-submit').click();
    const card = page.locator('[data-testid="thread-card"]', { hasText: 'already here in v1' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('thread-side-left').innerText()).toBe('old 5–5');
    expect(await card.getByTestId('thread-side-right').innerText()).toBe('new 7–7');
    await expect.poll(() => glyphs('original').count()).toBe(2);
    const listed = await invoke('thread.list', { component: 'billing', ref: 'v1.0.0', path: 'pay/charge.go' });
    expect(listed).toMatchObject({ ok: true, result: { threads: expect.arrayContaining([expect.objectContaining({ anchor: expect.objectContaining({ commit: await commitOf('v1.0.0'), startLine: 5 }) })]) } });
    await screenshot(page, 'e2e-review-compare-left');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
