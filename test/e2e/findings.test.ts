import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText, actAs as switchPerson } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { git } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { DEMO_PASSPHRASE } from '../../electron/core/demo/demo-workspace.js';

const FILE = 'internal/acquirer/client.go';
const MARKUP = '<img src=x onerror=alert(1)>';

let workspace: string;
let sarifFile: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dialogs: string[] = [];

/** A Semgrep-shaped log: two failures on real lines of the file at v1.2.0, and one passing check. */
function semgrepLog(urlLine: number, authLine: number) {
  const location = (line: number) => [{ physicalLocation: { artifactLocation: { uri: FILE }, region: { startLine: line, endLine: line } } }];
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Semgrep OSS',
            semanticVersion: '1.85.0',
            rules: [
              {
                id: 'go.lang.security.audit.net.dynamic-request-url',
                name: 'go.lang.security.audit.net.dynamic-request-url',
                shortDescription: { text: 'Request URL built from configuration' },
                defaultConfiguration: { level: 'warning' },
                properties: { tags: ['CWE-918: Server-Side Request Forgery (SSRF)', 'security'], 'security-severity': '7.5' },
              },
              {
                id: 'go.lang.security.audit.secrets.bearer-token-header',
                name: 'go.lang.security.audit.secrets.bearer-token-header',
                shortDescription: { text: 'API key sent in a header on every retry' },
                defaultConfiguration: { level: 'warning' },
                properties: { tags: ['CWE-522: Insufficiently Protected Credentials', 'security'] },
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'go.lang.security.audit.net.dynamic-request-url',
            level: 'warning',
            message: { text: `The request URL is c.baseURL plus a path: a baseURL from configuration can point anywhere.\nMarkup in a message stays text: ${MARKUP}` },
            locations: location(urlLine),
          },
          {
            ruleId: 'go.lang.security.audit.secrets.bearer-token-header',
            level: 'warning',
            message: { text: 'The API key travels as a bearer token; make sure the base URL is https.' },
            locations: location(authLine),
          },
          { ruleId: 'go.lang.security.audit.net.dynamic-request-url', kind: 'pass', message: { text: 'checked' }, locations: location(1) },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  const dir = await tempDir('ew-e2e-findings-');
  workspace = path.join(dir, 'demo');
  expect((await runCliProcess(['--workspace', workspace, 'demo'])).code).toBe(0);
  // The scanner's lines are found in the file as deposited, not hard-coded.
  const source = (await git(path.join(workspace, 'demo-vendor', 'payments-gateway.git'), 'show', `v1.2.0:${FILE}`)).split('\n');
  const urlLine = source.findIndex((l) => l.includes('c.baseURL+"/v2/orders"')) + 1;
  const authLine = source.findIndex((l) => l.includes('"Bearer "+c.apiKey')) + 1;
  expect(urlLine).toBeGreaterThan(0);
  expect(authLine).toBeGreaterThan(0);
  sarifFile = path.join(dir, 'semgrep.sarif');
  await fs.writeFile(sarifFile, JSON.stringify(semgrepLog(urlLine, authLine), null, 2));
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors, dialogs } = await openWatchedPage(browser, app.launchUrl));
  // The security engineer of the demo imports and triages; the approver accepts a risk further down.
  await switchPerson(page, 'Arman', DEMO_PASSPHRASE);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** payments-gateway at a release (v1.2.0 unless said), in the Findings view. */
async function openFindings(release = 'v1.2.0'): Promise<void> {
  await page.getByTestId('view-code').click();
  await page.getByTestId('component-payments-gateway').locator('.component-main').click();
  await page.getByTestId('release-picker').selectOption(`refs/tags/${release}`);
  await page.getByTestId('view-findings').click();
  await expect.poll(() => page.getByTestId('findings-count').innerText()).toMatch(/finding/);
}

/** Act as another person through the top bar's switcher (the page reloads, as another person would open it). */
async function actAs(person: string): Promise<void> {
  await switchPerson(page, person, DEMO_PASSPHRASE);
  await openFindings();
}

const row = (number: number) => page.locator(`[data-testid="finding-row"][data-number="${number}"]`);
const details = () => page.getByTestId('finding-details');

async function select(number: number): Promise<void> {
  if ((await details().count()) > 0 && (await details().getAttribute('data-number')) === String(number)) return;
  await row(number).locator('td.title-cell').click();
  await expect.poll(() => details().getAttribute('data-number')).toBe(String(number));
}

describe('the findings view', () => {
  it('imports a scanner\'s SARIF log as findings on the release', async () => {
    await openFindings();
    expect(await page.getByTestId('findings-table').innerText()).toContain('No findings yet');
    await page.getByTestId('sarif-import-open').click();
    await page.getByTestId('sarif-path').fill(sarifFile);
    await page.getByTestId('sarif-import').click();
    await expect.poll(() => page.getByTestId('sarif-summary').innerText(), { timeout: 20_000 }).toContain('2 results: 2 new, 0 updated, 0 no longer reported, 1 skipped.');
    expect(await page.getByTestId('sarif-summary').innerText()).toMatch(/result #\d+: .*pass/i);
    await expect.poll(() => page.getByTestId('finding-row').count()).toBe(2);
    expect(await page.getByTestId('findings-count').innerText()).toBe('2 findings');
    const first = await row(1).innerText();
    expect(first).toContain('F-1');
    expect(first).toContain('high');
    expect(first).toContain('open');
    expect(first).toContain('CWE-918');
    expect(first).toMatch(new RegExp(`${FILE.replaceAll('.', '\\.')}:\\d+`));
    expect(first).toContain('Request URL built from configuration');
    const second = await row(2).innerText();
    expect(second).toContain('medium');
    expect(second).toContain('CWE-522');
    await screenshot(page, 'e2e-findings-import');
  });

  it('filters by severity and status', async () => {
    await page.getByTestId('filter-severity').selectOption('high');
    await expect.poll(() => page.getByTestId('finding-row').count()).toBe(1);
    await page.getByTestId('filter-severity').selectOption('');
    await page.getByTestId('filter-status-closed').check();
    await expect.poll(() => page.getByTestId('findings-table').innerText()).toContain('No finding matches these filters.');
    await page.getByTestId('filter-status-closed').uncheck();
    await expect.poll(() => page.getByTestId('finding-row').count()).toBe(2);
  });

  it('shows a finding\'s details, its vendor text as text', async () => {
    await select(1);
    const text = await details().innerText();
    expect(text).toContain('F-1 Request URL built from configuration');
    expect(text).toContain(`Markup in a message stays text: ${MARKUP}`);
    expect(await details().locator('img').count()).toBe(0);
    expect(text).toMatch(/CWE-918 · Server-Side Request Forgery/);
    expect(text).toContain('Semgrep OSS · go.lang.security.audit.net.dynamic-request-url');
    expect(await details().getByTestId('finding-location').innerText()).toContain('current');
    // The moves the workflow allows from open; risk acceptance has its own form.
    for (const status of ['confirmed', 'fixed', 'false-positive']) expect(await page.getByTestId(`finding-action-${status}`).count()).toBe(1);
    expect(await page.getByTestId('finding-action-closed').count()).toBe(0);
    expect(await page.getByTestId('finding-history').innerText()).toContain('recorded it (open)');
    await screenshot(page, 'e2e-findings-details');
  });

  it('opens a finding at its line in the Code view, marked in the gutter', async () => {
    await select(1);
    await details().getByTestId('finding-location').locator('button').first().click();
    await expect.poll(() => visibleEditorText(page)).toContain('c.baseURL+"/v2/orders"');
    await expect.poll(() => page.locator('[data-testid="code-viewer"] .glyph-finding').count()).toBeGreaterThan(0);
    await screenshot(page, 'e2e-findings-on-line');
    await page.getByTestId('view-findings').click();
  });

  it('confirms a finding, then refuses to call it fixed in the release it was found in', async () => {
    await select(2);
    await page.getByTestId('finding-comment').fill('Reproduced: the key is sent to whatever base URL is configured.');
    await page.getByTestId('finding-action-confirmed').click();
    await expect.poll(() => row(2).innerText()).toContain('confirmed');
    await expect.poll(() => page.getByTestId('finding-history').innerText()).toContain('moved it open → confirmed');
    expect(await page.getByTestId('finding-history').innerText()).toContain('Reproduced: the key is sent');
    await page.getByTestId('finding-action-fixed').click();
    await page.getByTestId('fix-form').getByTestId('release-picker').selectOption('refs/tags/v1.2.0');
    await page.getByTestId('finding-fixed-confirm').click();
    await expect.poll(() => details().getByTestId('error-notice').innerText()).toContain('F-2 was found in this release');
  });

  it('accepts a risk only when a second person approves it', async () => {
    await actAs('Arman');
    await select(1);
    await page.getByTestId('risk-justification').fill('The base URL comes from signed deployment config only; see ADR-12.');
    const expires = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('risk-expires').fill(expires);
    await page.getByTestId('risk-request').click();
    await expect.poll(() => details().getByTestId('risk-state').innerText()).toMatch(/^Arman asked on .+ to accept this risk until .+; it awaits another person's approval\./);
    expect(await page.getByTestId('risk-approve').isDisabled()).toBe(true);
    expect(await details().innerText()).toContain('You (Arman) asked for this: another person must approve it.');
    expect(await row(1).innerText()).toContain('open');

    await actAs('Aigerim');
    await select(1);
    await page.getByTestId('risk-approve').click();
    await expect.poll(() => details().innerText()).toContain('Accepted by Aigerim until');
    expect(await details().innerText()).toContain('(asked by Arman)');
    expect(await details().locator('.pill-row').innerText()).toContain('risk accepted');
    await expect.poll(() => row(1).innerText()).toContain('risk accepted');
    expect(await page.getByTestId('finding-history').innerText()).toMatch(/Aigerim\s+moved it open → risk accepted/);
    expect(await page.getByTestId('finding-action-open').count()).toBe(1);
    await screenshot(page, 'e2e-findings-risk');
  });

  it('records a finding by hand on an older release, follows it, and accepts the fix only where the code changed', async () => {
    const vendor = path.join(workspace, 'demo-vendor', 'payments-gateway.git');
    const old = (await git(vendor, 'show', 'v1.1.0:internal/storage/transactions.go')).split('\n');
    const start = old.findIndex((l) => l.includes('query := "SELECT "')) + 1;
    expect(start).toBeGreaterThan(0);
    await switchPerson(page, 'Arman', DEMO_PASSPHRASE);
    await openFindings('v1.1.0');
    await page.getByTestId('finding-add').click();
    await page.getByTestId('finding-path').fill('internal/storage/transactions.go');
    await page.getByTestId('finding-lines').fill(`${start}-${start + 2}`);
    await page.getByTestId('finding-title').fill('Support search builds SQL from request input');
    await page.getByTestId('finding-severity').selectOption('critical');
    await page.getByTestId('finding-cwe').fill('CWE-89');
    await page.getByTestId('finding-cvss').fill('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H');
    await page.getByTestId('finding-description').fill('merchantID, ref and sort are pasted into the statement.\nA ref of `%\' OR 1=1 --` lists every merchant\'s transactions.');
    await page.getByTestId('finding-submit').click();
    await expect.poll(() => details().getAttribute('data-number')).toBe('3');
    const recorded = await details().innerText();
    expect(recorded).toContain('CWE-89 · Improper Neutralization of Special Elements used in an SQL Command');
    expect(recorded).toMatch(/8\.8\s+high\s+CVSS:3\.1\/AV:N\/AC:L\/PR:L\/UI:N\/S:U\/C:H\/I:H\/A:H/);
    expect(recorded).toContain("A ref of `%' OR 1=1 --` lists every merchant's transactions.");
    expect(await row(3).innerText()).toContain('critical');

    // In v1.2.0 the statement is built with bind parameters: the lines are gone, shown as they were.
    await openFindings('v1.2.0');
    await select(3);
    const location = details().getByTestId('finding-location');
    expect(await location.innerText()).toContain('outdated');
    expect(await location.getByTestId('anchor-lines').innerText()).toBe(old.slice(start - 1, start + 2).join('\n'));
    await screenshot(page, 'e2e-findings-outdated');
    await page.getByTestId('locale-ru').click();
    await expect.poll(() => location.innerText()).toContain('устарело');
    expect(await page.getByTestId('findings-count').innerText()).toBe('3 замечания');
    await screenshot(page, 'e2e-findings-outdated-ru');
    await page.getByTestId('locale-en').click();
    await page.getByTestId('finding-action-fixed').click();
    await page.getByTestId('finding-fixed-confirm').click();
    await expect.poll(() => row(3).innerText()).toContain('fixed');
    expect(await details().innerText()).toMatch(/Fixed in\s+[0-9a-f]{12}/);
    expect(await page.getByTestId('finding-action-closed').count()).toBe(1);
  });

  it('exports the release\'s findings as SARIF', async () => {
    await page.getByTestId('sarif-export-open').click();
    await page.getByTestId('sarif-export').click();
    await expect.poll(() => page.getByTestId('sarif-json').innerText()).toContain('"version": "2.1.0"');
    const exported = JSON.parse(await page.getByTestId('sarif-json').innerText()) as { runs: Array<{ results: unknown[] }> };
    expect(exported.runs[0]!.results).toHaveLength(3);
    expect(await page.getByTestId('sarif-download').innerText()).toMatch(/payments-gateway-[0-9a-f]{12}\.sarif/);
  });
});

describe('the dashboard', () => {
  it('shows every component\'s release with coverage, findings and charts', async () => {
    await page.getByTestId('view-dashboard').click();
    const gateway = page.locator('[data-testid="dashboard-row"][data-component="payments-gateway"]');
    await expect.poll(() => gateway.count(), { timeout: 20_000 }).toBe(1);
    const cells = await gateway.locator('td').allInnerTexts();
    // component, release, status, lines, files, C, H, M, L, threads, risks: F-1 accepted, F-2 (medium) confirmed, F-3 fixed.
    expect(cells[0]).toBe('payments-gateway');
    expect(cells[2]).toBe('in review');
    expect(cells.slice(5).map((c) => c.trim())).toEqual(['0', '0', '1', '0', '0', '0']);
    expect(await page.getByTestId('dashboard-row').count()).toBeGreaterThan(1);
    const charts = page.getByTestId('dashboard-charts');
    expect(await charts.innerText()).toContain('Active findings by severity');
    await expect.poll(() => charts.locator('canvas').count()).toBe(4);
    await screenshot(page, 'e2e-dashboard');
    await page.getByTestId('locale-kk').click();
    await expect.poll(() => page.getByTestId('dashboard-view').innerText()).toContain('Тексеру жиынтығы');
    expect(await gateway.locator('td').nth(2).innerText()).toBe('тексеруде');
    await screenshot(page, 'e2e-dashboard-kk');
    await page.getByTestId('locale-en').click();
    await gateway.getByRole('button', { name: 'payments-gateway' }).click();
    await expect.poll(() => page.getByTestId('view-code').getAttribute('aria-pressed')).toBe('true');
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
