import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkbenchEvent } from '../../shared/contract/events.js';
import type { GithubImportResult } from '../../shared/contract/github.js';
import type { WireError } from '../../shared/errors.js';
import { OrganisationImport } from '../../electron/core/github/organisation-import.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { GITHUB_BAD_CREDENTIALS, startFakeGithub, type FakeGithub, type FakeOwner } from '../helpers/github-server.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

// Not shaped like a GitHub token, so only our own scrubbing (not the ghp_ pattern) can keep it out of text.
const TOKEN = 'escrow-test-secret-4f1c9a7e2b';
const RESET_EPOCH = 1767225600;
const RESET_ISO = '2026-01-01T00:00:00.000Z';

let ws: TestWorkspace | undefined;
let github: FakeGithub | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await ws?.close();
  await github?.close();
  ws = undefined;
  github = undefined;
});

const numbered = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `service-${String(i + 1).padStart(3, '0')}` }));

const platform: FakeOwner = {
  login: 'egov-platform',
  kind: 'Organization',
  repositories: [
    { name: 'api', topics: ['platform', 'backend'] },
    { name: 'web', topics: ['platform', 'frontend'] },
    { name: 'docs' },
    { name: 'api-fork', fork: true, topics: ['platform', 'backend'] },
    { name: 'legacy', archived: true, topics: ['platform', 'backend'] },
    { name: '.github' },
    { name: 'forged', cloneUrl: 'file:///etc' },
  ],
};

async function setUp(owners: FakeOwner[], options: { prefix?: string; webHost?: string } = {}): Promise<{ ws: TestWorkspace; github: FakeGithub }> {
  ws = await createTestWorkspace();
  github = await startFakeGithub(owners, options);
  return { ws, github };
}

async function importGithub(input: Record<string, unknown>): Promise<GithubImportResult> {
  return call(ws!.dispatcher, 'component.importGithub', { baseUrl: github!.apiUrl, ...input });
}

async function importError(input: Record<string, unknown>): Promise<WireError> {
  const outcome = await ws!.dispatcher.invoke('component.importGithub', { baseUrl: github!.apiUrl, ...input });
  if (outcome.ok) throw new Error('component.importGithub unexpectedly succeeded');
  return outcome.error;
}

async function componentNames(): Promise<string[]> {
  return (await ws!.core.components.list()).map((c) => c.name);
}

/** Everything the workspace keeps on disk: the database and its write-ahead log. */
async function databaseBytes(root: string): Promise<string> {
  const files = (await fs.readdir(root)).filter((f) => f.startsWith('workbench.db'));
  return (await Promise.all(files.map((f) => fs.readFile(path.join(root, f), 'latin1')))).join('');
}

describe('component.importGithub over a real HTTP server', () => {
  it('follows Link headers across three pages and registers exactly the listed repositories', async () => {
    await setUp([{ login: 'big-org', kind: 'Organization', repositories: numbered(205) }]);
    const events: WorkbenchEvent[] = [];
    ws!.workspace.events.subscribe((e) => events.push(e));
    const result = await importGithub({ org: 'big-org' });
    const expected = numbered(205).map((r) => r.name);
    expect(result.created.map((c) => c.name)).toEqual(expected);
    expect(result).toMatchObject({ skipped: [], total: 205 });
    expect(result.created[204]).toMatchObject({ name: 'service-205', source: 'https://github.com/big-org/service-205.git', sourceKind: 'https', refCount: 0, lastSync: null });
    expect(await componentNames()).toEqual(expected);
    expect(github!.requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual([
      '/orgs/big-org/repos?type=all&per_page=100',
      '/organizations/1000/repos?type=all&per_page=100&page=2',
      '/organizations/1000/repos?type=all&per_page=100&page=3',
    ]);
    const progress = events.flatMap((e) => (e.type === 'progress' ? [[e.phase, e.completed, e.total]] : []));
    expect(progress.filter(([phase]) => phase === 'listing')).toEqual([['listing', 1, 3], ['listing', 2, 3], ['listing', 3, 3]]);
    expect(progress.filter(([phase]) => phase === 'registering')).toHaveLength(205);
    expect(progress.at(-1)).toEqual(['registering', 205, 205]);
  });

  it('skips forks, archived repositories, refused names and forged sources unless asked; --topic needs every topic', async () => {
    await setUp([platform]);
    const plain = await importGithub({ org: 'egov-platform' });
    expect(plain.created.map((c) => [c.name, c.source])).toEqual([
      ['api', 'https://github.com/egov-platform/api.git'],
      ['web', 'https://github.com/egov-platform/web.git'],
      ['docs', 'https://github.com/egov-platform/docs.git'],
    ]);
    expect(plain.skipped).toEqual([
      { repository: 'api-fork', reason: 'fork' },
      { repository: 'legacy', reason: 'archived' },
      { repository: '.github', reason: 'invalid-name' },
      { repository: 'forged', reason: 'invalid-source' },
    ]);
    expect(plain.total).toBe(7);

    await ws!.close();
    ws = await createTestWorkspace();
    const chosen = await importGithub({ org: 'egov-platform', includeForks: true, includeArchived: true, topics: ['platform', 'backend'] });
    expect(chosen.created.map((c) => c.name)).toEqual(['api', 'api-fork', 'legacy']);
    expect(chosen.skipped.map((s) => `${s.repository}:${s.reason}`)).toEqual(['web:topic', 'docs:topic', '.github:topic', 'forged:topic']);
  });

  it('skips repositories already registered by name (any case) or source; a second import creates nothing', async () => {
    await setUp([platform]);
    await call(ws!.dispatcher, 'component.add', { name: 'API', source: 'https://git.vendor.example.kz/other/api.git' });
    await call(ws!.dispatcher, 'component.add', { name: 'portal', source: 'https://github.com/egov-platform/web.git' });
    const first = await importGithub({ org: 'egov-platform' });
    expect(first.created.map((c) => c.name)).toEqual(['docs']);
    expect(first.skipped.slice(0, 2)).toEqual([{ repository: 'api', reason: 'exists' }, { repository: 'web', reason: 'exists' }]);
    const second = await importGithub({ org: 'egov-platform', includeForks: true, includeArchived: true });
    expect(second.created.map((c) => c.name)).toEqual(['api-fork', 'legacy']);
    const third = await importGithub({ org: 'egov-platform', includeForks: true, includeArchived: true });
    expect(third.created).toEqual([]);
    expect(third.skipped.filter((s) => s.reason === 'exists').map((s) => s.repository)).toEqual(['api', 'web', 'docs', 'api-fork', 'legacy']);
    expect(await componentNames()).toEqual(['API', 'api-fork', 'docs', 'legacy', 'portal']);
  });

  it('sends the token as an Authorization header and keeps it out of errors, events and the database', async () => {
    await setUp([platform]);
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    const events: WorkbenchEvent[] = [];
    ws!.workspace.events.subscribe((e) => events.push(e));
    await importGithub({ org: 'egov-platform' });
    expect(github!.requests[0]!.authorization).toBe(`token ${TOKEN}`);
    // A hostile or broken server echoing the token back must not get it into our messages.
    github!.fault = () => ({ status: 401, body: { ...GITHUB_BAD_CREDENTIALS, message: `Bad credentials: ${TOKEN}` } });
    const error = await importError({ org: 'egov-platform' });
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe(`GitHub at ${new URL(github!.apiUrl).origin} refused the token: Bad credentials: *** - https://docs.github.com/rest. Check GITHUB_TOKEN: it may be mistyped, expired or revoked; leave it unset to import a public organisation.`);
    for (const text of [JSON.stringify(error), JSON.stringify(events), await databaseBytes(ws!.root)]) expect(text).not.toContain(TOKEN);

    vi.stubEnv('GITHUB_TOKEN', '');
    github!.fault = null;
    await importGithub({ org: 'egov-platform' });
    expect(github!.requests.at(-1)!.authorization).toBeUndefined();
  });

  it('maps a rate limit to UNAVAILABLE naming the reset time, and other 403s to FORBIDDEN', async () => {
    await setUp([platform]);
    github!.fault = () => ({
      status: 403,
      body: { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60', 'x-ratelimit-reset': String(RESET_EPOCH), 'x-ratelimit-resource': 'core' },
    });
    const limited = await importError({ org: 'egov-platform' });
    expect(limited.code).toBe('UNAVAILABLE');
    expect(limited.message).toContain(`it resets at ${RESET_ISO}`);
    expect(limited.details).toMatchObject({ status: 403, resetAt: RESET_ISO });

    github!.fault = () => ({ status: 403, body: { message: 'Resource protected by organization SAML enforcement.', documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/' } });
    const forbidden = await importError({ org: 'egov-platform' });
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('does not allow listing the repositories of egov-platform: Resource protected by organization SAML enforcement.');
    expect(await componentNames()).toEqual([]);
  });

  it('falls back to a user namespace when no organisation has the name, and says NOT_FOUND when neither exists', async () => {
    await setUp([platform, { login: 'aigerim-dev', kind: 'User', repositories: [{ name: 'notes' }, { name: 'scanner' }] }]);
    const personal = await importGithub({ org: 'aigerim-dev' });
    expect(personal.created.map((c) => [c.name, c.source])).toEqual([
      ['notes', 'https://github.com/aigerim-dev/notes.git'],
      ['scanner', 'https://github.com/aigerim-dev/scanner.git'],
    ]);
    expect(github!.requests.map((r) => `${r.path}?${r.query.toString()}`)).toEqual(['/orgs/aigerim-dev/repos?type=all&per_page=100', '/users/aigerim-dev/repos?type=owner&per_page=100']);

    const missing = await importError({ org: 'nobody-here' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe(`There is no GitHub organisation or user "nobody-here" at ${new URL(github!.apiUrl).origin} (or the token cannot see it).`);
  });

  it('reaches GitHub Enterprise under /api/v3 and refuses unsafe base URLs before any request', async () => {
    await setUp([platform], { prefix: '/api/v3', webHost: 'ghe.example.kz' });
    const result = await importGithub({ org: 'egov-platform' });
    expect(result.created.map((c) => c.source)).toEqual(['api', 'web', 'docs'].map((n) => `https://ghe.example.kz/egov-platform/${n}.git`));
    expect(github!.requests.map((r) => r.path)).toEqual(['/api/v3/orgs/egov-platform/repos']);

    const port = new URL(github!.apiUrl).port;
    github!.requests.length = 0;
    for (const baseUrl of ['http://ghe.example.kz/api/v3', `http://user:hunter2@127.0.0.1:${port}/api/v3`, 'ftp://ghe.example.kz/api/v3', 'https://ghe.example.kz/api/v3?x=1', 'not a url']) {
      const error = await importError({ org: 'egov-platform', baseUrl });
      expect(error.code, baseUrl).toBe('INVALID_INPUT');
      expect(error.details['messageKey'], baseUrl).toBe('error.github.baseUrl');
      expect(JSON.stringify(error)).not.toContain('hunter2');
    }
    expect(github!.requests).toEqual([]);
  });

  it('reports an unreachable server and a silent one as UNAVAILABLE', async () => {
    await setUp([platform]);
    const apiUrl = github!.apiUrl;
    await github!.close();
    github = undefined;
    const refused = (await ws!.dispatcher.invoke('component.importGithub', { org: 'egov-platform', baseUrl: apiUrl })) as { ok: false; error: WireError };
    expect(refused.error.code).toBe('UNAVAILABLE');
    expect(refused.error.message).toMatch(/^GitHub at http:\/\/127\.0\.0\.1:\d+ cannot be reached: ECONNREFUSED/);

    github = await startFakeGithub([platform]);
    github.fault = () => ({ delayMs: 5_000 });
    const impatient = new OrganisationImport(ws!.core.components, { env: {}, requestTimeoutMs: 300 });
    const silent = await impatient.importOrganisation({ org: 'egov-platform', baseUrl: github.apiUrl, includeForks: false, includeArchived: false, topics: [] }).catch((e: unknown) => e);
    expect(silent).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'error.github.timeout', message: expect.stringContaining('did not answer within 1 second.') });
  });

  it('is cancelled through operation.cancel while a page is slow, registering nothing', async () => {
    await setUp([{ login: 'big-org', kind: 'Organization', repositories: numbered(150) }]);
    github!.fault = (r) => (r.query.get('page') === '2' ? { delayMs: 10_000 } : undefined);
    const running = ws!.dispatcher.invoke('component.importGithub', { org: 'big-org', baseUrl: github!.apiUrl, operationId: 'import-cancel-1' });
    await github!.waitForRequest((r) => r.query.get('page') === '2');
    expect(await ws!.dispatcher.invoke('operation.cancel', { operationId: 'import-cancel-1' })).toEqual({ ok: true, result: { cancelled: true } });
    const outcome = await running;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The operation was cancelled.' } });
    expect(await componentNames()).toEqual([]);
  });

  it('refuses a bad organisation name or topic at the boundary', async () => {
    await setUp([platform]);
    expect((await importError({ org: '../admin' })).code).toBe('INVALID_INPUT');
    expect((await importError({ org: 'egov-platform', topics: ['Backend'] })).code).toBe('INVALID_INPUT');
    expect(github!.requests).toEqual([]);
  });
});

describe('escrow-workbench component import-github', () => {
  async function cliWorkspace(): Promise<string> {
    const dir = path.join(await tempDir('ew-gh-cli-'), 'ws');
    expect((await runCliProcess(['--workspace', dir, 'init'])).code).toBe(0);
    return dir;
  }

  it('prints the created and skipped repositories, then the sync hint; --json is one document', async () => {
    github = await startFakeGithub([platform]);
    const dir = await cliWorkspace();
    const env = { GITHUB_TOKEN: TOKEN, LANG: 'en_US.UTF-8' };
    const human = await runCliProcess(['--workspace', dir, 'component', 'import-github', 'egov-platform', '--base-url', github.apiUrl, '--include-archived'], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(
      [
        'Registered api (https://github.com/egov-platform/api.git)',
        'Registered web (https://github.com/egov-platform/web.git)',
        'Registered docs (https://github.com/egov-platform/docs.git)',
        'Registered legacy (https://github.com/egov-platform/legacy.git)',
        'Skipped api-fork: a fork (add --include-forks to import forks)',
        'Skipped .github: its name is not a valid component name (letters, digits, ".", "_", "-"); register it with `component add` under another name',
        'Skipped forged: its clone URL is not a plain https URL',
        '4 components registered from 7 repositories, 3 skipped.',
        'Run `escrow-workbench sync` to mirror them.',
        '',
      ].join('\n'),
    );
    expect(human.stderr).toContain('listing repositories 1/1');
    expect(human.stderr).toContain('registering components');
    expect(github.requests[0]!.authorization).toBe(`token ${TOKEN}`);

    const again = await runCliProcess(['--json', '--workspace', dir, 'component', 'import-github', 'egov-platform', '--base-url', github.apiUrl, '--topic', 'platform', '--topic', 'backend', '--include-forks'], { env });
    expect(again.code).toBe(0);
    const document = JSON.parse(again.stdout) as GithubImportResult;
    expect(document.created.map((c) => c.name)).toEqual(['api-fork']);
    expect(document.skipped).toContainEqual({ repository: 'api', reason: 'exists' });
    expect(document.skipped).toContainEqual({ repository: 'docs', reason: 'topic' });
    expect(document.total).toBe(7);
    const list = JSON.parse((await runCliProcess(['--json', '--workspace', dir, 'component', 'list'])).stdout) as { components: Array<{ name: string; source: string }> };
    expect(list.components.map((c) => c.name)).toEqual(['api', 'api-fork', 'docs', 'legacy', 'web']);
    for (const run of [human, again]) expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 1 for NOT_FOUND, FORBIDDEN and INVALID_INPUT, 2 for UNAUTHORIZED and UNAVAILABLE, never showing the token', async () => {
    github = await startFakeGithub([platform]);
    const dir = await cliWorkspace();
    const env = { GITHUB_TOKEN: TOKEN };
    const run = (...args: string[]) => runCliProcess(['--json', '--workspace', dir, 'component', 'import-github', ...args], { env });
    const origin = new URL(github.apiUrl).origin;

    const missing = await run('nobody-here', '--base-url', github.apiUrl);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND', message: `There is no GitHub organisation or user "nobody-here" at ${origin} (or the token cannot see it).` }) });

    const badUrl = await run('egov-platform', '--base-url', 'http://ghe.example.kz/api/v3');
    expect(badUrl.code).toBe(1);
    expect(JSON.parse(badUrl.stdout).error.code).toBe('INVALID_INPUT');

    github.fault = () => ({ status: 403, body: { message: 'Must have admin rights to Repository.', documentation_url: 'https://docs.github.com/rest' } });
    const forbidden = await run('egov-platform', '--base-url', github.apiUrl);
    expect(forbidden.code).toBe(1);
    expect(JSON.parse(forbidden.stdout).error.code).toBe('FORBIDDEN');

    github.fault = () => ({ status: 401, body: GITHUB_BAD_CREDENTIALS });
    const unauthorized = await runCliProcess(['--workspace', dir, 'component', 'import-github', 'egov-platform', '--base-url', github.apiUrl], { env });
    expect(unauthorized.code).toBe(2);
    expect(unauthorized.stderr).toContain(`error: GitHub at ${origin} refused the token: Bad credentials - https://docs.github.com/rest.`);
    expect(unauthorized.stderr).toMatch(/\[UNAUTHORIZED\]\n$/);

    github.fault = () => ({ status: 403, body: { message: 'API rate limit exceeded for user ID 1.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(RESET_EPOCH) } });
    const limited = await runCliProcess(['--lang', 'ru', '--workspace', dir, 'component', 'import-github', 'egov-platform', '--base-url', github.apiUrl], { env });
    expect(limited.code).toBe(2);
    expect(limited.stderr).toBe(`ошибка: Лимит запросов к GitHub (${origin}) исчерпан; он обновится в ${RESET_ISO}. Повторите после этого времени или задайте GITHUB_TOKEN, чтобы получить более высокий лимит. [UNAVAILABLE]\n`);

    for (const result of [missing, badUrl, forbidden, unauthorized, limited]) expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(JSON.parse((await runCliProcess(['--json', '--workspace', dir, 'component', 'list'])).stdout)).toEqual({ components: [] });
  });
});
