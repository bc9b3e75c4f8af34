import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { TEST_PASSPHRASE } from '../helpers/workspace.js';

const FILES = { 'pay/charge.go': 'package pay\n\nfunc Charge(id string) error {\n\treturn nil\n}\n', 'pay/refund.go': 'package pay\n\nfunc Refund() {}\n', 'README.md': '# Billing\n' };
const MARKUP = '<img src=x onerror=alert(1)>';

let repo: string;
let commit: string;
let april: { name: string; publicKey: string; keyid: string };
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dialogs: string[] = [];
/** Whose keys the served core has opened (each person's passphrase is asked for once). */
const unlocked = new Set<string>();

beforeAll(async () => {
  const dir = await tempDir('ew-e2e-trust-');
  const workspace = path.join(dir, 'ws');
  repo = await initRepository(path.join(dir, 'billing'));
  commit = await commitFiles(repo, FILES, 'v1');
  await git(repo, 'tag', 'v1.0.0');
  const cli = async (...args: string[]) => {
    const run = await runCliProcess(['--workspace', workspace, ...args], { env: { ESCROW_PASSPHRASE: TEST_PASSPHRASE } });
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
    return run.stdout;
  };
  await cli('init', '--admin', 'admin');
  // Each person makes their key pair (here on the same workstation: several people share it, each with a passphrase).
  for (const person of ['rita', 'sam', 'april']) await cli('identity', 'new', person);
  await cli('--as', 'admin', 'user', 'add', 'rita', '--role', 'reviewer');
  await cli('--as', 'admin', 'user', 'add', 'sam', '--role', 'security');
  // April hands her public key to the admin, who adds her in the app.
  april = JSON.parse(await cli('--json', 'identity', 'export', 'april')) as typeof april;
  expect(april.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  await cli('component', 'add', 'billing', repo);
  await cli('sync');
  await cli('release', 'pin', 'billing', 'v1.0.0');
  app = await serveWorkspace(workspace);
  browser = await launchChromium();
  ({ page, pageErrors, dialogs } = await openWatchedPage(browser, app.launchUrl));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => screenshot(page, `e2e-trust-${name}`);

/** A call as the person the page acts as (the header the app itself sends). */
function invoke(method: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ({ method, input }) => {
      const person = window.localStorage.getItem('escrow-workbench.person');
      const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(person ? { 'X-Escrow-Person': encodeURIComponent(person) } : {}) };
      return (await fetch(`/api/invoke/${method}`, { method: 'POST', headers, body: JSON.stringify(input) })).json() as Promise<{ ok: boolean }>;
    },
    { method, input },
  );
}

/** Act as a person through the top bar: choose them, open their key with their passphrase the first time. */
async function actAs(person: string): Promise<void> {
  await page.getByTestId('person-switch').click();
  await page.getByTestId('person-select').selectOption(person);
  if (!unlocked.has(person)) await page.getByTestId('person-passphrase').fill(TEST_PASSPHRASE);
  await page.getByTestId('person-save').click();
  await expect.poll(() => page.getByTestId('person-name').innerText(), { timeout: 10_000 }).toBe(person);
  unlocked.add(person);
}

async function openView(view: 'gate' | 'roster' | 'audit'): Promise<void> {
  await page.getByTestId(`view-${view}`).click();
  await expect.poll(() => page.getByTestId(`${view}-view`).count()).toBe(1);
}

const requirement = (id: string) => page.locator(`[data-testid="gate-requirement"][data-id="${id}"]`);
const verdict = () => page.getByTestId('gate-verdict').innerText();

/** The gate of billing v1.0.0, evaluated for the person now acting. */
async function openGate(): Promise<void> {
  await openView('gate');
  await expect.poll(() => page.getByTestId('gate-commit').innerText(), { timeout: 10_000 }).toBe(commit);
}

async function signOff(decision: 'approve' | 'reject', comment: string): Promise<void> {
  const before = await page.getByTestId('signoff-row').count();
  await page.getByTestId('signoff-comment').fill(comment);
  await page.getByTestId(`signoff-${decision}`).click();
  await expect.poll(() => page.getByTestId('signoff-row').count()).toBe(before + 1);
}

describe('roster and policy, as the admin', () => {
  it('adds a person with the public key they exported, and shows them with their role and key id', async () => {
    await actAs('admin');
    await openView('roster');
    const people = page.getByTestId('people-table');
    await expect.poll(() => people.innerText()).toContain('rita');
    expect(await page.locator('[data-testid="person-row"][data-name="sam"]').innerText()).toContain('security engineer');
    expect(await page.locator('[data-testid="local-key-row"][data-name="april"]').innerText()).toContain('not in the roster');

    const form = page.getByTestId('add-person');
    await form.getByTestId('add-person-name').fill('april');
    await form.locator('[data-role="reviewer"]').uncheck();
    await form.locator('[data-role="approver"]').check();
    // The core's refusal of a key that is not one, as the core words it.
    await form.getByTestId('add-person-key').fill('not-a-key');
    await form.getByTestId('add-person-submit').click();
    await expect.poll(() => form.getByTestId('error-notice').innerText()).toContain('base64 of a raw 32-byte Ed25519 public key');
    await form.getByTestId('add-person-key').fill(april.publicKey);
    await form.getByTestId('add-person-submit').click();
    await expect.poll(() => form.getByTestId('add-person-done').innerText()).toBe('april is in the roster.');
    const row = page.locator('[data-testid="person-row"][data-name="april"]');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('approver');
    expect(text).toContain(april.keyid.slice(0, 12));
    expect(text).toContain('admin');
    await expect.poll(() => page.locator('[data-testid="local-key-row"][data-name="april"]').innerText()).toContain('approver');
  });

  it('sets the release policy of a component', async () => {
    const editor = page.getByTestId('policy-editor');
    await expect.poll(() => editor.getByTestId('policy-set-by').innerText()).toContain('No admin has set a policy for billing yet');
    for (const role of ['reviewer', 'security', 'approver']) await editor.getByTestId(`policy-signoffs-${role}`).fill('1');
    await editor.locator('[data-testid="policy-coverage"][data-criterion="safe-to-deploy"]').fill('100');
    await editor.getByTestId('policy-max-open').selectOption('medium');
    await editor.getByTestId('policy-risk-expiry').check();
    await editor.getByTestId('policy-separation').check();
    await editor.getByTestId('policy-save').click();
    await expect.poll(() => editor.getByTestId('policy-saved').innerText()).toBe('The policy of billing is set.');
    await expect.poll(() => editor.getByTestId('policy-set-by').innerText()).toContain('Set by admin');
    await shot('roster');
  });
});

describe('three people take the release to approved', () => {
  it('the approver cannot approve while the review and the other sign-offs are missing', async () => {
    await actAs('april');
    // From the dashboard row of the component to its gate.
    await page.getByTestId('view-dashboard').click();
    await page.locator('[data-testid="dashboard-row"][data-component="billing"]').getByTestId('dashboard-gate').click();
    await expect.poll(() => page.getByTestId('view-gate').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('gate-commit').innerText(), { timeout: 10_000 }).toBe(commit);
    expect(await verdict()).toBe('Not approved yet');
    expect(await page.getByTestId('gate-digest').innerText()).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await page.getByTestId('gate-policy').innerText()).toContain('highest severity that may stay open: medium');
    expect(await page.getByTestId('gate-policy-set-by').innerText()).toBe('admin');
    expect(await requirement('release-pinned').getAttribute('data-met')).toBe('true');
    const coverage = requirement('coverage:safe-to-deploy');
    expect(await coverage.getAttribute('data-met')).toBe('false');
    expect(await coverage.innerText()).toContain('Review coverage “safe-to-deploy”: 0% of lines, 100% required');
    // The core's own account is shown too.
    expect(await coverage.innerText()).toMatch(/safe-to-deploy: 0% of \d+ lines reviewed, 100% required/);
    expect(await requirement('signoffs:security').innerText()).toContain('Approvals as security engineer: 0 of 1');
    expect(await page.getByTestId('signoff-role').inputValue()).toBe('approver');
    expect(await page.getByTestId('signoff-approve').isDisabled()).toBe(true);
    const blocked = await page.getByTestId('signoff-blocked').innerText();
    expect(blocked).toContain('An approver can approve only once everything else is met.');
    expect(blocked).toContain('Approvals as reviewer: 0 of 1');
    await shot('gate-blocked');
  });

  it('the reviewer reads every file and signs approval', async () => {
    await actAs('rita');
    expect(await invoke('review.mark', { component: 'billing', ref: 'v1.0.0', paths: Object.keys(FILES) })).toMatchObject({ ok: true });
    await openGate();
    await expect.poll(() => requirement('coverage:safe-to-deploy').getAttribute('data-met')).toBe('true');
    expect(await page.getByTestId('signoff-form').innerText()).toContain('Sign off as rita');
    expect(await page.getByTestId('signoff-role').inputValue()).toBe('reviewer');
    await signOff('approve', `Read every line of pay/.\nMarkup stays text: ${MARKUP}`);
    const row = page.locator('[data-testid="signoff-row"][data-signer="rita"]');
    const text = await row.innerText();
    expect(text).toContain('reviewer');
    expect(text).toContain('approval');
    expect(text).toContain(`Markup stays text: ${MARKUP}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expect.poll(() => requirement('signoffs:reviewer').getAttribute('data-met')).toBe('true');
    await expect.poll(() => page.getByTestId('signoff-mine').innerText()).toMatch(/^Your approval as reviewer is signed \(.+\); signing again replaces it\.$/);
  });

  it('the security engineer signs approval; the gate is then ready for the approver', async () => {
    await actAs('sam');
    await openGate();
    await signOff('approve', 'No secrets, no injection.');
    await expect.poll(verdict).toBe('Ready for approval');
  });

  it('the approver now can approve, and the verdict reads approved', async () => {
    await actAs('april');
    await openGate();
    await expect.poll(verdict).toBe('Ready for approval');
    expect(await page.getByTestId('signoff-approve').isDisabled()).toBe(false);
    expect(await page.getByTestId('signoff-blocked').count()).toBe(0);
    await signOff('approve', 'Approved for deployment on the ministry servers.');
    await expect.poll(verdict).toBe('Approved');
    expect(await page.getByTestId('gate-verdict').getAttribute('data-verdict')).toBe('approved');
    expect(await page.locator('[data-testid="gate-requirement"][data-met="false"]').count()).toBe(0);
    const rows = await page.getByTestId('signoff-row').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['rita', 'sam', 'april']);
    expect(await page.locator('[data-testid="signoff-row"][data-signer="april"]').innerText()).toContain(april.keyid.slice(0, 12));
    await shot('gate-approved');
  });
});

describe('the manifest', () => {
  it('downloads as <component>-<ref>.manifest.json: a DSSE envelope that verifies against the tree', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('manifest-download').click()]);
    expect(download.suggestedFilename()).toBe('billing-v1.0.0.manifest.json');
    const file = await download.path();
    const envelope = JSON.parse(await fs.readFile(file, 'utf8')) as { payloadType: string; payload: string; signatures: Array<{ keyid: string }> };
    expect(envelope.payloadType).toBe('application/vnd.escrow-workbench.manifest+json');
    expect(envelope.signatures[0]!.keyid).toBe(april.keyid);
    const manifest = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { subject: { name: string; digest: { gitCommit: string } }; signoffs: unknown[] };
    expect(manifest.subject).toMatchObject({ name: 'billing@refs/tags/v1.0.0', digest: { gitCommit: commit } });
    expect(manifest.signoffs).toHaveLength(3);
    expect(await page.getByTestId('manifest-saved').innerText()).toBe('Saved as billing-v1.0.0.manifest.json');
    // The deployment team's check, offline, against the vendor's tree.
    const verified = await runCliProcess(['manifest', 'verify', file, '--repo', path.join(repo, '.git'), '--commit', commit]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});

describe('the release report', () => {
  it('downloads as HTML in the reader\'s language, with the verdict, the three sign-offs and the digest', async () => {
    await page.getByTestId('locale-ru').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-html').click()]);
    expect(download.suggestedFilename()).toBe('billing_v1.0.0_ru.html');
    const html = await fs.readFile(await download.path(), 'utf8');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Одобрено: все требования политики выполнены.');
    for (const signer of ['rita', 'sam', 'april']) expect(html).toContain(`<td class="strong">${signer}</td>`);
    expect(html).toContain(commit);
    expect(html.toLowerCase()).not.toContain('<script');
    expect(await page.getByTestId('report-saved').innerText()).toBe('Сохранено как billing_v1.0.0_ru.html');
  });

  it('downloads as a PDF printed by Chromium', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toBe('billing_v1.0.0_ru.pdf');
    const pdf = await fs.readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1024);
    await page.getByTestId('locale-en').click();
  });
});

describe('the audit log', () => {
  it('lists the sign-offs, filters by type and person, and verifies with no problems', async () => {
    await openView('audit');
    const signoffs = page.locator('[data-testid="audit-row"][data-type="signoff.signed"]');
    await expect.poll(() => signoffs.count()).toBe(3);
    // Newest first.
    expect(await signoffs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor')))).toEqual(['april', 'sam', 'rita']);
    const newest = await signoffs.first().innerText();
    expect(newest).toContain('release signed off');
    expect(newest).toContain('component=billing');
    expect(newest).toContain('role=approver');
    expect(newest).toContain('decision=approve');
    expect(newest).toContain(april.keyid.slice(0, 12));
    expect(await page.locator('[data-testid="audit-row"][data-type="roster.person-added"][data-actor="admin"]').count()).toBe(4);

    await page.getByTestId('audit-filter-type').selectOption('signoff.signed');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(3);
    await page.getByTestId('audit-filter-person').selectOption('rita');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBe(1);
    await page.getByTestId('audit-filter-type').selectOption('');
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-actor="rita"]').count()).toBe(2);
    expect(await page.locator('[data-testid="audit-row"]:not([data-actor="rita"])').count()).toBe(0);
    expect(await page.getByTestId('audit-table').innerText()).toContain('files marked reviewed');
    await page.getByTestId('audit-filter-person').selectOption('');
    await expect.poll(() => page.getByTestId('audit-row').count()).toBeGreaterThan(8);

    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-result').getAttribute('data-ok'), { timeout: 20_000 }).toBe('true');
    expect(await page.getByTestId('audit-result').innerText()).toMatch(/No problems in \d+ events \([\d.]+ s\)\./);
    expect(await page.getByTestId('audit-problems').count()).toBe(0);
    await shot('audit');
  });

  it('records an admin\'s role change, revocation and a new local key', async () => {
    await actAs('admin');
    await openView('roster');
    const rita = page.locator('[data-testid="person-row"][data-name="rita"]');
    await rita.getByTestId('person-roles-open').click();
    await page.getByTestId('person-roles-form').locator('[data-role="security"]').check();
    await page.getByTestId('person-roles-save').click();
    await expect.poll(() => rita.innerText()).toContain('security engineer');
    expect(await rita.innerText()).toContain('reviewer');

    const sam = page.locator('[data-testid="person-row"][data-name="sam"]');
    await sam.getByTestId('person-revoke-open').click();
    expect(await page.getByTestId('person-revoke').isDisabled()).toBe(true);
    await page.getByTestId('person-revoke-reason').fill('Left the council; a <b>new</b> engineer takes over.');
    await page.getByTestId('person-revoke').click();
    await expect.poll(() => sam.getByTestId('person-revoked').innerText()).toMatch(/^revoked by admin, .+: Left the council; a <b>new<\/b> engineer takes over\.$/);
    expect(await sam.getByTestId('person-revoke-open').count()).toBe(0);

    await page.getByTestId('key-create-open').click();
    await page.getByTestId('key-create-name').fill('dana');
    await page.getByTestId('key-create-passphrase').fill('dana passphrase');
    await page.getByTestId('key-create-repeat').fill('dana passphrase!');
    expect(await page.getByTestId('local-keys').innerText()).toContain('The two passphrases differ.');
    expect(await page.getByTestId('key-create-submit').isDisabled()).toBe(true);
    await page.getByTestId('key-create-repeat').fill('dana passphrase');
    await page.getByTestId('key-create-submit').click();
    await expect.poll(() => page.getByTestId('key-created').innerText()).toMatch(/Made a key for dana\. Give this public key to your admin:\s+[A-Za-z0-9+/]{43}=/);
    expect(await page.locator('[data-testid="local-key-row"][data-name="dana"]').innerText()).toContain('not in the roster');
    await shot('roster-changes');

    await openView('audit');
    await expect.poll(() => page.locator('[data-testid="audit-row"][data-type="roster.person-revoked"]').innerText()).toContain('name=sam');
    expect(await page.locator('[data-testid="audit-row"][data-type="roster.roles-set"]').innerText()).toContain('name=rita');
  });

  it('shows the trust screens in Russian and Kazakh', async () => {
    await page.getByTestId('locale-ru').click();
    await expect.poll(() => page.getByTestId('audit-view').innerText()).toContain('Журнал аудита');
    expect(await page.locator('[data-testid="audit-row"][data-type="signoff.signed"]').first().innerText()).toContain('релиз подписан');
    await openView('roster');
    await expect.poll(() => page.getByTestId('roster-view').innerText()).toContain('Реестр и политика выпуска');
    expect(await page.locator('[data-testid="person-row"][data-name="april"]').innerText()).toContain('утверждающий');
    await shot('roster-ru');
    await openGate();
    await expect.poll(verdict).toBe('Одобрено');
    await page.getByTestId('locale-kk').click();
    await expect.poll(verdict).toBe('Мақұлданды');
    await shot('gate-kk');
    await page.getByTestId('locale-en').click();
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe('a workspace whose roster is empty', () => {
  it('makes the first admin in the app, who then acts as them', async () => {
    const workspace = path.join(await tempDir('ew-e2e-trust-empty-'), 'ws');
    expect((await runCliProcess(['--workspace', workspace, 'init'])).code).toBe(0);
    const fresh = await serveWorkspace(workspace);
    try {
      const watched = await openWatchedPage(browser, fresh.launchUrl);
      const first = watched.page;
      await first.getByTestId('view-roster').click();
      const panel = first.getByTestId('first-run');
      await expect.poll(() => panel.count()).toBe(1);
      expect(await panel.innerText()).toContain('The roster is empty.');
      await panel.getByTestId('first-admin-name').fill('Gulnara');
      await panel.getByTestId('first-admin-passphrase').fill('short');
      expect(await panel.innerText()).toContain('At least 8 characters.');
      await panel.getByTestId('first-admin-passphrase').fill('gulnara passphrase');
      await panel.getByTestId('first-admin-repeat').fill('gulnara passphrase');
      await screenshot(first, 'e2e-trust-first-run');
      await panel.getByTestId('first-admin-submit').click();
      await expect.poll(() => first.getByTestId('person-name').innerText(), { timeout: 10_000 }).toBe('Gulnara');
      await first.getByTestId('view-roster').click();
      const row = first.locator('[data-testid="person-row"][data-name="Gulnara"]');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.innerText()).toContain('admin');
      expect(await first.getByTestId('people-card').innerText()).toMatch(/trust root [0-9a-f]{12}/);
      expect(watched.pageErrors).toEqual([]);
      await first.close();
    } finally {
      await fresh.stop();
    }
  });
});
