import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, visibleEditorText } from '../helpers/browser.js';
import { runCliProcess, serveWorkspace, type ServedApp } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { TEST_PASSPHRASE } from '../helpers/workspace.js';

// The "done when": three workstations that share nothing but a folder holding a bare repository.
// The admin's signs the roster; the reviewer's (Dana) and the approver's (Aigerim) each hold only their own key.
// Dana's thread, written on her workstation, reaches the approver's screen through the Ledger view's Pull.

const HANDLER = 'package pay\n\nfunc Charge() error {\n\treturn nil\n}\n';
const THREAD = 'Charge never fails: is that intended? <img src=x onerror=alert(1)>';

let dir: string;
let shared: string;
let adminDir: string;
let reviewerDir: string;
let approverDir: string;
let danaKeyid: string;
let threadId: string;
let app: ServedApp;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let dialogs: string[] = [];
/** An https "git server" that accepts connections and never answers: a transfer that only Cancel ends. */
let stalled: net.Server;
const stalledSockets = new Set<net.Socket>();

/** The CLI on one workstation's workspace, as its person would run it; fails the test on a non-zero exit. */
async function cli(workspace: string, ...args: string[]): Promise<string> {
  const run = await runCliProcess(['--workspace', workspace, ...args], { env: { ESCROW_PASSPHRASE: TEST_PASSPHRASE } });
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

/** A workstation whose person makes their own key; the public part is what they hand to the admin. */
async function joinWorkstation(workspace: string, person: string): Promise<{ publicKey: string; keyid: string }> {
  await cli(workspace, 'init');
  await cli(workspace, 'identity', 'new', person);
  const exported = JSON.parse(await cli(workspace, '--json', 'identity', 'export', person)) as { publicKey: string; keyid: string };
  expect(exported.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  return exported;
}

beforeAll(async () => {
  dir = await tempDir('ew-e2e-ledger-');
  const vendor = await initRepository(path.join(dir, 'payments'));
  await commitFiles(vendor, { 'pay/handler.go': HANDLER, 'README.md': '# Payments\n' }, 'v1');
  await git(vendor, 'tag', 'v1');
  // The shared folder: a bare repository every workstation can reach.
  shared = await initRepository(path.join(dir, 'shared-ledger.git'), { bare: true });
  adminDir = path.join(dir, 'admin');
  reviewerDir = path.join(dir, 'reviewer');
  approverDir = path.join(dir, 'approver');

  await cli(adminDir, 'init', '--admin', 'admin');
  const dana = await joinWorkstation(reviewerDir, 'Dana');
  const aigerim = await joinWorkstation(approverDir, 'Aigerim');
  danaKeyid = dana.keyid;
  await cli(adminDir, '--as', 'admin', 'user', 'add', 'Dana', '--role', 'reviewer', '--public-key', dana.publicKey);
  await cli(adminDir, '--as', 'admin', 'user', 'add', 'Aigerim', '--role', 'approver', '--public-key', aigerim.publicKey);
  for (const workspace of [adminDir, reviewerDir, approverDir]) {
    await cli(workspace, 'component', 'add', 'payments', vendor);
    await cli(workspace, 'sync');
    await cli(workspace, 'ledger', 'remote', 'add', 'shared', shared);
  }
  await cli(adminDir, 'ledger', 'push', 'shared');

  // Dana receives the roster, writes her thread and publishes it.
  const pulled = JSON.parse(await cli(reviewerDir, '--json', 'ledger', 'pull', 'shared')) as { applied: number; quarantined: unknown[] };
  expect(pulled).toMatchObject({ applied: 3, quarantined: [] });
  const thread = JSON.parse(await cli(reviewerDir, '--json', '--as', 'Dana', 'annotate', 'payments', 'v1', 'pay/handler.go', '--lines', '3-4', '--body', THREAD)) as { id: string };
  threadId = thread.id;
  await cli(reviewerDir, 'ledger', 'push', 'shared');

  stalled = net.createServer((socket) => {
    stalledSockets.add(socket);
    socket.on('close', () => stalledSockets.delete(socket));
  });
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  app = await serveWorkspace(approverDir);
  browser = await launchChromium();
  ({ page, pageErrors, dialogs } = await openWatchedPage(browser, app.launchUrl));
});

afterAll(async () => {
  // First the stalled remote hangs up: a cancelled fetch leaves git's https helper behind, holding the served
  // core's pipes until its connection ends (see the report on runTransfer).
  for (const socket of stalledSockets) socket.destroy();
  stalled?.close();
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => screenshot(page, `e2e-ledger-${name}`, { fullPage: true });
const remoteRow = () => page.locator('[data-testid="ledger-remote-row"][data-name="shared"]');

describe("the approver's workstation pulls the ledger in the Ledger view", () => {
  it('shows this workstation with nothing signed yet and the shared remote never pulled', async () => {
    await page.getByTestId('view-ledger').click();
    const view = page.getByTestId('ledger-view');
    await expect.poll(() => view.count()).toBe(1);
    await expect.poll(() => page.getByTestId('ledger-peer').innerText()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('ledger-commit').innerText()).toBe('none yet: nothing has been signed here');
    expect(await page.getByTestId('ledger-events').innerText()).toBe('0');
    expect(await page.getByTestId('ledger-pending').innerText()).toBe('none: every event is in the ledger');

    await expect.poll(() => remoteRow().count()).toBe(1);
    const row = await remoteRow().innerText();
    expect(row).toContain(shared);
    expect(await remoteRow().getByTestId('ledger-remote-pull-at').innerText()).toBe('never');
    expect(await page.getByTestId('ledger-quarantine').innerText()).toContain('Nothing in quarantine: every event received so far passed its checks.');
    expect(await page.getByTestId('ledger-conflicts').innerText()).toContain('No conflicts: no change has crossed another.');
    await shot('before-pull');
  });

  it('pulls: the roster and Dana\'s thread are applied, and the summary says so', async () => {
    await remoteRow().getByTestId('ledger-pull').click();
    const result = page.getByTestId('ledger-result');
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    expect(await result.getAttribute('data-kind')).toBe('pull');
    expect(await page.getByTestId('ledger-result-title').innerText()).toBe('Pull from shared');
    // Three roster events from the admin, one thread from Dana.
    expect(await page.getByTestId('ledger-result-applied').getAttribute('data-count')).toBe('4');
    expect(await page.getByTestId('ledger-result-applied').innerText()).toContain('new events applied');
    expect(await page.getByTestId('ledger-result-duplicates').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result-quarantined').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result-conflicts').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result-peers').getAttribute('data-count')).toBe('2');
    expect(await page.getByTestId('ledger-result-rebuilt').innerText()).toMatch(/applied on top|rebuilt in ledger order/);
    expect(await page.getByTestId('ledger-progress').count()).toBe(0);

    // The status follows: the events are here and written to this workstation's ledger.
    await expect.poll(() => page.getByTestId('ledger-events').innerText()).toBe('4');
    expect(await page.getByTestId('ledger-commit').innerText()).toMatch(/^[0-9a-f]{12}$/);
    expect(await page.getByTestId('ledger-pending').getAttribute('data-count')).toBe('0');
    await expect.poll(() => remoteRow().getByTestId('ledger-remote-pull-at').innerText()).toContain('4 new events');
    expect(await remoteRow().getByTestId('ledger-remote-error').innerText()).toBe('—');
    await shot('pulled');
  });

  it("shows Dana's thread on the approver's screen in the Code view", async () => {
    await page.getByTestId('view-code').click();
    await page.locator('[data-testid="tree-row"][data-path="pay"]').click();
    await page.locator('[data-testid="tree-row"][data-path="pay/handler.go"]').click();
    await expect.poll(() => visibleEditorText(page), { timeout: 10_000 }).toContain('func Charge() error');
    const zone = page.getByTestId('thread-zone');
    await expect.poll(() => zone.count(), { timeout: 10_000 }).toBe(1);
    expect(await zone.innerText()).toContain('Dana');
    await page.getByTestId('toggle-threads').click();
    const card = page.getByTestId('thread-card');
    await expect.poll(() => card.innerText()).toContain('Charge never fails: is that intended?');
    expect(await card.innerText()).toContain('Dana');
    expect(await card.innerText()).toContain('pay/handler.go:3–4');
    // The markup in Dana's text is never rendered.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await shot('code-thread');
  });

  it('refreshes a window already showing the file when events arrive: no reload needed', async () => {
    const second = await openWatchedPage(browser, app.launchUrl);
    try {
      const other = second.page;
      await other.getByTestId('view-code').click();
      await other.locator('[data-testid="tree-row"][data-path="pay"]').click();
      await other.locator('[data-testid="tree-row"][data-path="pay/handler.go"]').click();
      await other.getByTestId('toggle-threads').click();
      const card = other.getByTestId('thread-card');
      await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Charge never fails');
      expect(await card.innerText()).not.toContain('Stub until v2');

      await cli(reviewerDir, '--as', 'Dana', 'thread', 'reply', threadId, '--body', 'Vendor: Stub until v2.');
      await cli(reviewerDir, 'ledger', 'push', 'shared');
      await page.getByTestId('view-ledger').click();
      await remoteRow().getByTestId('ledger-pull').click();
      await expect.poll(() => page.getByTestId('ledger-result-applied').getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
      // The other window was never reloaded: the core's "ledger changed" event made it ask again.
      await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Vendor: Stub until v2.');
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.page.close();
    }
  });
});

describe('what the checks refuse', () => {
  it('quarantines an event altered on the shared folder, and shows it with its reason', async () => {
    await cli(reviewerDir, '--as', 'Dana', 'thread', 'reply', threadId, '--body', 'The vendor says it is a stub.');
    await cli(reviewerDir, 'ledger', 'push', 'shared');
    // Someone with access to the shared folder rewrites Dana's reply in a new commit on top of her ledger.
    const danaPeer = (JSON.parse(await cli(reviewerDir, '--json', 'ledger', 'status')) as { peer: string }).peer;
    const ref = `refs/ledger/${danaPeer}`;
    const file = `events/${danaKeyid}/3.json`;
    const work = await tempDir('ew-e2e-tamper-');
    await git(work, 'init', '-q');
    await git(work, 'fetch', '-q', shared, `${ref}:refs/heads/victim`);
    await git(work, 'checkout', '-q', 'victim');
    const original = await fs.readFile(path.join(work, file), 'utf8');
    expect(original).toContain('The vendor says it is a stub.');
    await fs.writeFile(path.join(work, file), original.replace('The vendor says it is a stub.', 'The vendor says it is fine.'));
    await git(work, 'commit', '-qam', 'tidy');
    await git(work, 'push', '-q', shared, `victim:${ref}`);

    await page.getByTestId('view-ledger').click();
    await remoteRow().getByTestId('ledger-pull').click();
    await expect.poll(() => page.getByTestId('ledger-result-quarantined').getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId('ledger-result-applied').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result').innerText()).toContain('they are listed under Quarantine with the reason');
    const row = page.getByTestId('ledger-quarantine-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-reason')).toBe('hash');
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(0, 3)).toEqual([danaKeyid.slice(0, 12), '3', 'hash does not match']);
    expect(cells[3]).toMatch(/^thread\.replied by Dana \(#3\): stored hash [0-9a-f]{12}… is not the hash of the event$/);
    expect(cells[4]).toBe('remote shared');
    expect(await page.getByTestId('ledger-quarantine').getAttribute('data-count')).toBe('1');
    await shot('quarantine');
  });

  it('refuses a pull whose history was rewritten: the error is shown and kept on the remote', async () => {
    const danaPeer = (JSON.parse(await cli(reviewerDir, '--json', 'ledger', 'status')) as { peer: string }).peer;
    const ref = `refs/ledger/${danaPeer}`;
    const tip = (await git(shared, 'rev-parse', ref)).trim();
    const rewritten = (await git(shared, 'commit-tree', '-m', 'rewritten', `${tip}^{tree}`)).trim();
    await git(shared, 'update-ref', ref, rewritten);
    try {
      const events = await page.getByTestId('ledger-events').innerText();
      await remoteRow().getByTestId('ledger-pull').click();
      const notice = page.getByTestId('ledger-view').getByTestId('error-notice').first();
      await expect.poll(() => notice.innerText(), { timeout: 30_000 }).toContain('was rewritten');
      expect(await notice.getAttribute('data-code')).toBe('CONFLICT');
      await expect.poll(() => remoteRow().getByTestId('ledger-remote-error').innerText()).toContain('was rewritten');
      expect(await page.getByTestId('ledger-events').innerText()).toBe(events);
      await shot('rewritten');
      // The error kept on the remote is the core's error, not its English text: it reads in the reader's language.
      await page.getByTestId('locale-ru').click();
      await expect.poll(() => remoteRow().getByTestId('ledger-remote-error').innerText()).toContain(`Журнал станции ${danaPeer}`);
      await page.getByTestId('locale-en').click();
    } finally {
      await git(shared, 'update-ref', ref, tip);
    }
  });
});

describe('bundles for removable media', () => {
  it('exports the ledger and prints the mark for the next export; an export with nothing new is refused', async () => {
    await page.getByTestId('view-ledger').click();
    const file = path.join(dir, 'approver-1.bundle');
    await page.getByTestId('ledger-export-path').fill(file);
    await page.getByTestId('ledger-export').click();
    const exported = page.getByTestId('ledger-exported');
    await expect.poll(() => exported.count()).toBe(1);
    expect(await exported.innerText()).toContain(`Wrote 5 events to ${file}.`);
    const mark = await page.getByTestId('ledger-mark').innerText();
    expect(mark).toMatch(/^[0-9a-f]{40}$/);
    expect(existsSync(file)).toBe(true);
    await shot('exported');

    // A mark is checked as typed before anything is asked of the core.
    await page.getByTestId('ledger-export-path').fill(path.join(dir, 'approver-2.bundle'));
    await page.getByTestId('ledger-export-since').fill('not a mark');
    expect(await page.getByTestId('ledger-bundles').innerText()).toContain('A mark is the 40 hexadecimal digits an earlier export printed.');
    expect(await page.getByTestId('ledger-export').isDisabled()).toBe(true);
    await page.getByTestId('ledger-export-since').fill(mark);
    await page.getByTestId('ledger-export').click();
    await expect.poll(() => page.getByTestId('ledger-bundles').getByTestId('error-notice').innerText()).toContain(`Nothing was signed since mark ${mark}`);
    expect(existsSync(path.join(dir, 'approver-2.bundle'))).toBe(false);
  });

  it("imports the admin's bundle as a long operation: everything in it is already here", async () => {
    const file = path.join(dir, 'admin.bundle');
    await cli(adminDir, 'ledger', 'export', file);
    await page.getByTestId('ledger-import-path').fill(file);
    await page.getByTestId('ledger-import').click();
    await expect.poll(() => page.getByTestId('ledger-result').getAttribute('data-kind'), { timeout: 30_000 }).toBe('import');
    expect(await page.getByTestId('ledger-result-title').innerText()).toBe(`Import of ${file}`);
    expect(await page.getByTestId('ledger-result-applied').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result-quarantined').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('ledger-result').innerText()).toContain('Nothing new: this workstation already holds every event there.');
    expect(await page.getByTestId('ledger-import-path').inputValue()).toBe('');
    await shot('imported');
  });
});

describe('remotes and long operations', () => {
  it('adds a remote in the form, pulls from it with progress, cancels, and forgets it again', async () => {
    const url = `https://127.0.0.1:${(stalled.address() as net.AddressInfo).port}/review-ledger.git`;
    await page.getByTestId('ledger-add-open').click();
    await page.getByTestId('ledger-add-name').fill('stalled');
    await page.getByTestId('ledger-add-url').fill(url);
    await page.getByTestId('ledger-add-submit').click();
    await expect.poll(() => page.getByTestId('ledger-add-done').innerText()).toBe(`Remote stalled added: ${url}`);
    const row = page.locator('[data-testid="ledger-remote-row"][data-name="stalled"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(url);

    await row.getByTestId('ledger-pull').click();
    const progress = page.getByTestId('ledger-progress');
    await expect.poll(() => progress.innerText()).toMatch(/^Pulling from stalled · (fetching the ledgers|connecting)/);
    // One exchange at a time: every Pull and Push waits for this one.
    expect(await remoteRow().getByTestId('ledger-pull').isDisabled()).toBe(true);
    expect(await remoteRow().getByTestId('ledger-push').isDisabled()).toBe(true);
    await shot('progress');
    await page.getByTestId('ledger-cancel').click();
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(0);
    const notice = page.getByTestId('ledger-view').locator(':scope > [data-testid="error-notice"]');
    expect(await notice.getAttribute('data-code')).toBe('CANCELLED');
    expect(await remoteRow().getByTestId('ledger-pull').isDisabled()).toBe(false);
    await notice.getByRole('button').click();
    expect(await notice.count()).toBe(0);

    await row.getByTestId('ledger-remove').click();
    expect(await page.getByTestId('ledger-remove-confirm').innerText()).toContain('Forget stalled? Nothing on it is deleted.');
    await page.getByTestId('ledger-remove-yes').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await remoteRow().count()).toBe(1);
  });
});

describe('the Ledger view in Russian and Kazakh', () => {
  it('shows its headings translated', async () => {
    await page.getByTestId('locale-ru').click();
    const view = page.getByTestId('ledger-view');
    await expect.poll(() => view.innerText()).toContain('Обмен журналом');
    let text = await view.innerText();
    for (const heading of ['Эта рабочая станция', 'Удалённые репозитории', 'Пакеты (съёмные носители)', 'Карантин', 'Заметки о конфликтах', 'Последний обмен']) expect(text).toContain(heading);
    expect(await page.getByTestId('view-ledger').innerText()).toBe('Журнал');
    expect(await remoteRow().getByTestId('ledger-pull').innerText()).toBe('Получить');
    expect(await remoteRow().getByTestId('ledger-remote-pull-at').innerText()).toContain('ничего нового');
    await shot('ru');

    await page.getByTestId('locale-kk').click();
    await expect.poll(() => view.innerText()).toContain('Журнал алмасу');
    text = await view.innerText();
    for (const heading of ['Осы жұмыс станциясы', 'Қашықтағы репозиторийлер', 'Пакеттер (алынбалы тасымалдағыштар)', 'Карантин', 'Қайшылық жазбалары', 'Соңғы алмасу']) expect(text).toContain(heading);
    expect(await remoteRow().getByTestId('ledger-pull').innerText()).toBe('Алу');
    await shot('kk');

    await page.getByTestId('locale-en').click();
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
