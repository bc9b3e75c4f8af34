import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentSyncResult } from '../../shared/contract/components.js';
import { Dispatcher } from '../../electron/api/dispatcher.js';
import { createHandlers } from '../../electron/api/handlers.js';
import { EnvironmentCredentials } from '../../electron/core/credentials/git-credentials.js';
import { createCoreServices } from '../../electron/core/services.js';
import { readCoreSettings } from '../../electron/core/settings.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { commitFiles, git, initRepository, refsOf } from '../helpers/git-fixtures.js';
import { startHttpsGitServer, type HttpsGitServer } from '../helpers/https-git-server.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'ghs_TopSecretToken1234567890abcdef';
let server: HttpsGitServer;
let vendorRoot: string;
let workspace: Workspace | null = null;

beforeAll(async () => {
  vendorRoot = await tempDir('ew-private-');
  const work = await initRepository(path.join(vendorRoot, 'work'));
  await commitFiles(work, { 'src/main.go': 'package main\n' }, 'initial');
  await git(work, 'tag', '-a', 'v1.0.0', '-m', 'first');
  await git(vendorRoot, 'clone', '-q', '--bare', 'work', 'identity.git');
  server = await startHttpsGitServer(vendorRoot, { username: 'escrow-agent', secret: SECRET });
});
afterAll(async () => server?.close());
afterEach(async () => {
  await workspace?.close();
  workspace = null;
});

async function workspaceWith(env: NodeJS.ProcessEnv): Promise<Dispatcher> {
  workspace = await Workspace.create(path.join(await tempDir('ew-ws-'), 'ws'), 'cli');
  const core = createCoreServices(workspace, { credentials: new EnvironmentCredentials(env), settings: readCoreSettings(env) });
  return new Dispatcher({ handlers: createHandlers(core), events: workspace.events, writable: true, validateOutput: true });
}

async function syncOne(dispatcher: Dispatcher, name: string): Promise<ComponentSyncResult> {
  const outcome = await dispatcher.invoke('sync.run', { components: [name] });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.result as { components: ComponentSyncResult[] }).components[0]!;
}

async function everythingStored(root: string): Promise<string> {
  const files = await fs.readdir(root, { recursive: true });
  const contents = await Promise.all(files.map((f) => fs.readFile(path.join(root, f)).catch(() => Buffer.alloc(0))));
  return Buffer.concat(contents).toString('latin1');
}

describe('a private https source', () => {
  it('mirrors with the token from the environment, sent as a header and stored nowhere', async () => {
    const events: string[] = [];
    const dispatcher = await workspaceWith({ ESCROW_GIT_TOKEN_127_0_0_1: SECRET, ESCROW_GIT_USERNAME_127_0_0_1: 'escrow-agent', ESCROW_GIT_CA_FILE: server.caFile });
    workspace!.events.subscribe((e) => events.push(JSON.stringify(e)));
    await dispatcher.invoke('component.add', { name: 'identity', source: `${server.url}identity.git` });
    const result = await syncOne(dispatcher, 'identity');
    expect(result).toMatchObject({ status: 'ok', refs: { added: 2 } });
    const row = await createCoreServices(workspace!).components.require('identity');
    expect(await refsOf(workspace!.paths.mirror(row.id), { excludeEscrow: true })).toEqual(await refsOf(path.join(vendorRoot, 'identity.git')));
    expect(server.authorizations.filter(Boolean).length).toBeGreaterThan(0);
    await workspace!.close();
    const stored = await everythingStored(workspace!.root);
    workspace = null;
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain(Buffer.from(`escrow-agent:${SECRET}`).toString('base64'));
    expect(events.join('\n')).not.toContain(SECRET);
  });

  it('says the token was refused when it is wrong, and mirrors nothing', async () => {
    const dispatcher = await workspaceWith({ ESCROW_GIT_TOKEN: 'wrong-token', ESCROW_GIT_CA_FILE: server.caFile });
    await dispatcher.invoke('component.add', { name: 'identity', source: `${server.url}identity.git` });
    const result = await syncOne(dispatcher, 'identity');
    expect(result.status).toBe('failed');
    expect(result.error, result.error?.message).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(result.error!.message).toContain('refused our credentials');
    expect(JSON.stringify(result)).not.toContain('wrong-token');
  });

  it('says so when no credentials are configured (no prompt ever appears)', async () => {
    const dispatcher = await workspaceWith({ ESCROW_GIT_CA_FILE: server.caFile });
    await dispatcher.invoke('component.add', { name: 'identity', source: `${server.url}identity.git` });
    const result = await syncOne(dispatcher, 'identity');
    expect(result.error).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('names an untrusted certificate and how to trust an internal CA', async () => {
    const dispatcher = await workspaceWith({ ESCROW_GIT_TOKEN: SECRET });
    await dispatcher.invoke('component.add', { name: 'identity', source: `${server.url}identity.git` });
    const result = await syncOne(dispatcher, 'identity');
    expect(result.error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(result.error!.message).toContain('ESCROW_GIT_CA_FILE');
  });

  it('lists where credentials come from without showing them', async () => {
    const dispatcher = await workspaceWith({ ESCROW_GIT_TOKEN_GIT_VENDOR_KZ: SECRET, GITHUB_TOKEN: 'ghp_x' });
    const outcome = await dispatcher.invoke('credential.list', {});
    expect(outcome).toEqual({
      ok: true,
      result: {
        credentials: [
          { host: 'git_vendor_kz', username: 'x-access-token', origin: 'environment', variable: 'ESCROW_GIT_TOKEN_GIT_VENDOR_KZ' },
          { host: 'github.com', username: 'x-access-token', origin: 'environment', variable: 'GITHUB_TOKEN' },
        ],
      },
    });
    expect(await dispatcher.invoke('credential.store', { host: 'git.vendor.kz', username: 'u', secret: 's' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('an unreachable source', () => {
  it('times out with a clear message when the server accepts and never answers', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const dispatcher = await workspaceWith({ ESCROW_GIT_TIMEOUT_SECONDS: '2' });
      await dispatcher.invoke('component.add', { name: 'silent', source: `https://127.0.0.1:${port}/silent.git` });
      const started = Date.now();
      const result = await syncOne(dispatcher, 'silent');
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result.error).toMatchObject({ code: 'UNAVAILABLE' });
      expect(result.error!.message).toMatch(/Git got no answer while working on silent/);
    } finally {
      silent.close();
    }
  });

  it('reports a refused connection as unreachable at once', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const dispatcher = await workspaceWith({});
    await dispatcher.invoke('component.add', { name: 'closed', source: `https://127.0.0.1:${port}/closed.git` });
    const result = await syncOne(dispatcher, 'closed');
    expect(result.error).toMatchObject({ code: 'UNAVAILABLE' });
    expect(result.error!.message).toContain('cannot be reached');
  });
});
