import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../electron/core/demo/demo-workspace.js';
import { actAs, launchChromium, openWatchedPage, screenshot, visibleEditorText, type WatchedPage } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { git } from '../helpers/git-fixtures.js';
import { createHostileRepository, type HostileRepository } from '../helpers/hostile-repository.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A vendor repository built to attack whoever handles it (test/helpers/hostile-repository.ts), mirrored,
 * browsed, searched, digested, verified and reported on through the app in Chromium. Nothing of the vendor's
 * may run — no hook, filter, submodule command or script in a name, a file or a commit message — and every odd
 * name is shown as the text it is, with what a person could not see made visible.
 */
let hostile: HostileRepository;
let workspace: string;
let app: ServedApp;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  const dir = await tempDir('ew-e2e-hostile-');
  hostile = await createHostileRepository(dir);
  workspace = path.join(dir, 'workspace');
  expect((await runCliProcess(['--workspace', workspace, 'demo'])).code).toBe(0);
  expect((await runCliProcess(['--workspace', workspace, 'component', 'add', 'hostile', hostile.repo])).code).toBe(0);
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  watched = await openWatchedPage(browser, app.launchUrl);
  page = watched.page;
  await actAs(page, 'Gulnara', DEMO_PASSPHRASE);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const component = () => page.getByTestId('component-hostile');
const names = () => hostile.names;

async function chooseRelease(ref: string): Promise<void> {
  await page.getByTestId('view-code').click();
  await component().locator('.component-main').click();
  await page.getByTestId('release-picker').selectOption(ref);
}

/** The tree rows shown, as {path it addresses, text a person sees}. */
async function treeRows(): Promise<Array<{ path: string; text: string }>> {
  return page.locator('[data-testid="tree-row"]').evaluateAll((rows) => rows.map((row) => ({ path: (row as HTMLElement).dataset['path'] ?? '', text: row.querySelector('.tree-name')?.textContent ?? '' })));
}

async function openRow(pathInRepo: string): Promise<void> {
  const index = (await treeRows()).findIndex((row) => row.path === pathInRepo);
  expect(index, `a tree row for ${JSON.stringify(pathInRepo)}`).toBeGreaterThanOrEqual(0);
  await page.locator('[data-testid="tree-row"]').nth(index).click();
}

/** The mirror the app keeps of the hostile repository. */
async function hostileMirror(): Promise<string> {
  const mirrors = path.join(workspace, 'mirrors');
  for (const name of await fs.readdir(mirrors)) {
    const gitDir = path.join(mirrors, name);
    if ((await git(gitDir, 'cat-file', '-t', hostile.commit).catch(() => '')).trim() === 'commit') return gitDir;
  }
  throw new Error('no mirror holds the hostile commit');
}

async function expectNothingRan(): Promise<void> {
  await expect(fs.stat(hostile.marker)).rejects.toThrow();
  expect(await page.locator('img[src="x"], svg[onload], iframe').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  expect(watched.dialogs).toEqual([]);
}

describe('a hostile vendor repository, through the app', () => {
  it('mirrors with the sync button, running no hook, filter or submodule command, and fetching nothing of the submodule', async () => {
    await component().getByRole('button', { name: 'Sync hostile' }).click();
    await expect.poll(() => component().locator('.component-sub').first().innerText(), { timeout: 60_000 }).toBe('synced · 4 refs');
    const mirror = await hostileMirror();
    const refs = (await git(mirror, 'for-each-ref', '--format=%(refname)', 'refs/tags')).split('\n').filter(Boolean);
    expect(refs).toEqual(expect.arrayContaining(['refs/tags/v1.0.0', 'refs/tags/v1.1.0', `refs/tags/${hostile.markupTag}`]));
    await expect(git(mirror, 'cat-file', '-t', hostile.innerCommit)).rejects.toThrow();
    expect(await fs.readdir(path.join(mirror, 'hooks')).catch(() => [])).toEqual([]);
    await expectNothingRan();
  });

  it('lists every odd name in the tree as visible text: markup, escape sequences, a new line, a bidirectional override, bytes that are not UTF-8', async () => {
    await chooseRelease('refs/tags/v1.0.0');
    await page.getByTestId('tree-filter').fill('/');
    // v1.0.0's own tree (the default branch, shown first, also has the `..` entry of v1.1.0), with no error on the way to it.
    await expect.poll(async () => (await treeRows()).map((row) => row.path), { timeout: 15_000 }).toContain(names().markupFile);
    await expect.poll(async () => (await treeRows()).map((row) => row.path), { timeout: 15_000 }).not.toContain(names().dotdot);
    expect(await page.locator('.error-notice').count()).toBe(0);
    const shown = new Map((await treeRows()).map((row) => [row.path, row.text]));
    expect(shown.get(names().markupFile)).toBe('<img src=x onerror=alert(1)>.js');
    expect(shown.get('<svg onload=alert(2)>')).toBe('<svg onload=alert(2)>');
    expect(shown.get(names().escape)).toBe('esc\\u{1b}[31mred.txt');
    expect(shown.get(names().newline)).toBe('new\\u{a}line.txt');
    expect(shown.get(names().bidi)).toBe('invoice\\u{202e}txt.exe');
    expect(shown.get(names().legacy)).toBe('\\x{cf}\\x{f0}\\x{e8}\\x{ec}\\x{e5}\\x{f0}.txt');
    expect(shown.get(names().symlinkOut)).toBe('passwd');
    expect(shown.get(names().submodule)).toBe('inner');
    await screenshot(page, 'e2e-hostile-tree');
    await expectNothingRan();
  });

  it('opens the files named with markup and shows their script as text', async () => {
    await openRow(names().markupFile);
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain('web/<img src=x onerror=alert(1)>.js');
    await expect.poll(() => visibleEditorText(page)).toContain('window.pwned = true; // <script>alert(4)</script> <img src=x onerror=alert(5)>');
    await openRow(names().markupFolderFile);
    await expect.poll(() => visibleEditorText(page)).toContain('<!doctype html><script>window.pwned = true</script>');
    await expectNothingRan();
  });

  it('reads a file whose name is not UTF-8, by its exact bytes, in its legacy encoding', async () => {
    await openRow(names().legacy);
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain('legacy/\\x{cf}\\x{f0}\\x{e8}\\x{ec}\\x{e5}\\x{f0}.txt');
    await expect.poll(() => visibleEditorText(page)).toContain('Счёт на оплату № 17 от 1 декабря');
    expect(await page.getByTestId('file-header').innerText()).toContain('windows-1251');
  });

  it('shows a bidirectional override inside a file as a marked character, and its name with the override made visible', async () => {
    await openRow(names().bidi);
    await expect.poll(() => page.getByTestId('file-header').innerText()).toContain('ctrl/invoice\\u{202e}txt.exe');
    // Monaco draws the invisible characters as highlighted boxes instead of letting them reorder the line.
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .unicode-highlight').count()).toBeGreaterThan(0);
  });

  it('shows where a symbolic link points and never the file it points at', async () => {
    await openRow(names().symlinkOut);
    await expect.poll(() => visibleEditorText(page)).toContain('/etc/passwd');
    expect(await page.locator('.notice', { hasText: 'A symbolic link; its target is shown.' }).count()).toBe(1);
    expect(await visibleEditorText(page)).not.toContain('root:');
    await openRow(names().symlinkUp);
    await expect.poll(() => visibleEditorText(page)).toContain('../../../../../../../../etc');
  });

  it('shows an LFS pointer as the pointer it is, and a submodule as a commit id with nothing fetched', async () => {
    await openRow(names().lfs);
    await expect.poll(() => visibleEditorText(page)).toContain('version https://git-lfs.github.com/spec/v1');
    await openRow(names().submodule);
    await expect.poll(() => page.getByTestId('file-not-text').innerText()).toBe(`A submodule (gitlink) pointing at commit ${hostile.innerCommit}; its content is not part of this repository.`);
  });

  it('pages through the 200 MB file', async () => {
    await openRow(names().huge);
    await expect.poll(() => page.getByTestId('file-header').innerText(), { timeout: 30_000 }).toContain(`${hostile.hugeBytes.toLocaleString('en')} bytes`);
    await expect.poll(() => page.getByTestId('paged-text').locator('.pager-bar span').innerText(), { timeout: 30_000 }).toMatch(/^page 1 of \d+, from line 1$/);
    await expect.poll(() => visibleEditorText(page)).toContain('id,name,comment');
    await screenshot(page, 'e2e-hostile-huge');
  });

  it('shows the commit message with its markup as text and its escape sequences made visible', async () => {
    await openRow(names().markupFile);
    await page.getByTestId('toggle-history').click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(1);
    const subject = await entries.first().locator('.history-subject').innerText();
    expect(subject).toBe('Add the service <script>window.pwned = true</script> <img src=x onerror=alert(7)> \\u{1b}[31mred\\u{1b}[0m \\u{202e}evil');
    await entries.first().click();
    await expect.poll(() => page.getByTestId('commit-details').innerText()).toContain('<img src=x onerror=alert(7)>');
    await screenshot(page, 'e2e-hostile-history');
    await page.getByTestId('toggle-history').click();
    await expectNothingRan();
  });

  it('searches the release, 200 MB file included, and shows the markup it finds as text', async () => {
    await page.keyboard.press('Control+Shift+F');
    await page.getByTestId('search-pattern').fill('onerror');
    await page.getByTestId('search-run').click();
    await expect.poll(() => page.getByTestId('search-summary').innerText(), { timeout: 30_000 }).toMatch(/^2 matches in 2 files/);
    const file = page.locator('[data-testid="search-file"]', { hasText: 'web/<img src=x onerror=alert(1)>.js' });
    expect(await file.getByTestId('search-match').locator('mark').innerText()).toBe('onerror');
    expect(await file.getByTestId('search-match').innerText()).toContain('<img src=x onerror=alert(5)>');
    await screenshot(page, 'e2e-hostile-search');
    await expectNothingRan();
  });

  it('offers the tag named with markup as text, and reads the release through it', async () => {
    await page.getByTestId('view-code').click();
    const option = page.getByTestId('release-picker').locator('option', { hasText: 'v2<svg/onload=alert(10)>' });
    expect(await option.count()).toBe(1);
    await page.getByTestId('release-picker').selectOption(`refs/tags/${hostile.markupTag}`);
    await page.getByTestId('tree-filter').fill('README');
    await openRow('README.md');
    await expect.poll(() => visibleEditorText(page)).toContain('# Payments <script>window.pwned = true; alert(3)</script>');
    await expectNothingRan();
  });

  it('names the tree entry `..` in the tree, and refuses to read or digest it with a clear message', async () => {
    await chooseRelease('refs/tags/v1.1.0');
    await page.getByTestId('tree-filter').fill('escape');
    await expect.poll(async () => (await treeRows()).map((row) => row.text)).toEqual(['..', 'escape.txt']);
    await openRow(names().dotdot);
    await expect.poll(() => page.locator('.error-notice').first().innerText()).toContain('has an empty, "." or ".." segment');
    await page.getByTestId('view-deposit').click();
    await page.getByTestId('pin-ref').selectOption('refs/tags/v1.1.0');
    await page.getByTestId('pin-button').click();
    await expect.poll(() => page.getByTestId('deposit-page').locator('.error-notice').first().innerText(), { timeout: 30_000 }).toContain('The tree has an entry "../escape.txt" that no file system can hold');
  });

  it('pins v1.0.0 with the digest the stand-alone command computes, and verification names the attacks', async () => {
    await page.getByTestId('pin-ref').selectOption('refs/tags/v1.0.0');
    await page.getByTestId('pin-button').click();
    const releases = page.getByTestId('releases-card');
    await expect.poll(() => releases.innerText(), { timeout: 60_000 }).toMatch(/sha256:[0-9a-f]{64}/);
    const independent = await runCliProcess(['digest', '--repo', path.join(hostile.repo, '.git'), '--commit', hostile.commit]);
    expect(independent.code, independent.stderr).toBe(0);
    expect(await releases.innerText()).toContain(independent.stdout.trim());
    const inventory = await page.getByTestId('inventory-card').innerText();
    expect(inventory).toContain(`${names().submodule} → ${hostile.inner}`);
    expect(inventory).toContain(names().lfs);
    await page.getByTestId('verify-button').click();
    const result = page.getByTestId('verification-result');
    await expect.poll(() => result.innerText(), { timeout: 60_000 }).toContain('gitmodulesUpdate');
    expect(await result.innerText()).toContain('hasDotdot');
    await screenshot(page, 'e2e-hostile-deposit');
    await expectNothingRan();
  });

  it('writes a report that opens in a browser as inert text', async () => {
    await page.getByTestId('view-gate').click();
    await page.getByTestId('release-picker').selectOption('refs/tags/v1.0.0');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-html').click()]);
    const html = await fs.readFile(await download.path(), 'utf8');
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).toContain('data/huge.csv');
    // Opened as the file a person saves (Playwright keeps downloads without their extension).
    const saved = path.join(await tempDir('ew-e2e-report-'), download.suggestedFilename());
    await fs.writeFile(saved, html);
    const report = await openWatchedPage(browser, pathToFileURL(saved).href);
    expect(await report.page.locator('h1').innerText()).toBe('hostile@v1.0.0');
    expect(await report.page.locator('td', { hasText: names().submodule }).count()).toBeGreaterThan(0);
    expect(report.dialogs).toEqual([]);
    expect(report.pageErrors).toEqual([]);
    await report.page.close();
    await expectNothingRan();
  });

  it('ran nothing and raised no page error all along', async () => {
    await expectNothingRan();
    // The two refusals above come back as HTTP 400 answers, which Chromium logs; nothing else may.
    expect(watched.pageErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
