import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../../electron/db/sql.js';
import { commitFiles, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
afterEach(async () => ws?.close());

async function errorOf(method: string, input: unknown) {
  const outcome = await ws.dispatcher.invoke(method, input);
  if (outcome.ok) throw new Error(`${method} unexpectedly succeeded`);
  return outcome.error;
}

async function componentCount(): Promise<number> {
  return (await ws.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM components`))!.n;
}

describe('component.add', () => {
  it('registers a local repository by path, file URL, https or ssh URL', async () => {
    ws = await createTestWorkspace();
    const repo = await initRepository(path.join(await tempDir(), 'identity-service'));
    await commitFiles(repo, { 'pom.xml': '<project/>' }, 'init');
    const byPath = (await call(ws.dispatcher, 'component.add', { name: 'identity', source: repo })) as { component: { sourceKind: string; source: string; refCount: number; lastSync: null } };
    expect(byPath.component).toMatchObject({ sourceKind: 'path', source: repo, refCount: 0, lastSync: null });
    const other = await initRepository(path.join(await tempDir(), 'other'));
    expect(((await call(ws.dispatcher, 'component.add', { name: 'other', source: `file://${other}` })) as { component: { sourceKind: string } }).component.sourceKind).toBe('file');
    expect(((await call(ws.dispatcher, 'component.add', { name: 'portal', source: 'https://git.vendor.example.kz/platform/portal.git' })) as { component: { sourceKind: string } }).component.sourceKind).toBe('https');
    expect(((await call(ws.dispatcher, 'component.add', { name: 'gateway', source: 'git@git.vendor.example.kz:platform/gateway.git' })) as { component: { sourceKind: string } }).component.sourceKind).toBe('ssh');
    expect(((await call(ws.dispatcher, 'component.add', { name: 'registry', source: 'ssh://git@git.vendor.example.kz:2222/platform/registry.git' })) as { component: { sourceKind: string } }).component.sourceKind).toBe('ssh');
    const list = (await call(ws.dispatcher, 'component.list', {})) as { components: Array<{ name: string }> };
    expect(list.components.map((c) => c.name)).toEqual(['gateway', 'identity', 'other', 'portal', 'registry']);
  });

  it('refuses forbidden transports with a specific error, storing nothing', async () => {
    ws = await createTestWorkspace();
    for (const source of ['ext::sh -c touch% /tmp/pwned', 'fd::17', 'http://vendor.example/x.git', 'git://vendor.example/x.git', 'ftp://vendor.example/x.git']) {
      const error = await errorOf('component.add', { name: 'x', source });
      expect(error.code, source).toBe('FORBIDDEN');
      expect(error.details['messageKey']).toBe('error.source.forbiddenTransport');
    }
    expect(await componentCount()).toBe(0);
  });

  it('refuses credentials in URLs and never stores or echoes them', async () => {
    ws = await createTestWorkspace();
    const error = await errorOf('component.add', { name: 'x', source: 'https://bob:hunter2@git.vendor.example/x.git' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(error.message).toContain('https://***@git.vendor.example/x.git');
    expect(await componentCount()).toBe(0);
  });

  it('refuses a path that is missing, a folder that is not a repository, and option-like sources', async () => {
    ws = await createTestWorkspace();
    expect((await errorOf('component.add', { name: 'x', source: path.join(await tempDir(), 'missing') })).code).toBe('NOT_FOUND');
    const plain = await tempDir();
    await fs.writeFile(path.join(plain, 'README'), 'not a repo');
    const notRepo = await errorOf('component.add', { name: 'x', source: plain });
    expect(notRepo.code).toBe('INVALID_INPUT');
    expect(notRepo.message).toContain('is not a git repository');
    expect((await errorOf('component.add', { name: 'x', source: '--upload-pack=touch /tmp/pwned' })).code).toBe('INVALID_INPUT');
    expect(await componentCount()).toBe(0);
  });

  it('refuses a second component with the same name (any case) or the same source', async () => {
    ws = await createTestWorkspace();
    const repo = await initRepository(path.join(await tempDir(), 'r'));
    await call(ws.dispatcher, 'component.add', { name: 'Payments', source: repo });
    expect((await errorOf('component.add', { name: 'payments', source: repo })).details['messageKey']).toBe('error.component.exists');
    const sameSource = await errorOf('component.add', { name: 'payments-2', source: repo });
    expect(sameSource.code).toBe('CONFLICT');
    expect(sameSource.message).toContain('"Payments"');
    expect(await componentCount()).toBe(1);
  });

  it('validates names at the boundary', async () => {
    ws = await createTestWorkspace();
    const error = await errorOf('component.add', { name: '../etc', source: '/tmp' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/name/);
  });
});
