import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { runCliProcess, serveWorkspace } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp.js';

async function workspaceWithVendor(): Promise<{ ws: string; vendor: string }> {
  const ws = path.join(await tempDir('ew-cli-'), 'ws');
  const vendor = await initRepository(path.join(await tempDir(), 'vendor'));
  await commitFiles(vendor, { 'cmd/main.go': 'package main\n', 'README.md': '# vendor\n' }, 'initial');
  await git(vendor, 'tag', '-a', 'v1.0.0', '-m', 'first');
  expect((await runCliProcess(['--workspace', ws, 'init'])).code).toBe(0);
  return { ws, vendor };
}

describe('the command line', () => {
  it('runs the first slice: init, component add, sync, release list, tree, show', async () => {
    const { ws, vendor } = await workspaceWithVendor();
    const added = await runCliProcess(['--workspace', ws, 'component', 'add', 'gateway', `file://${vendor}`]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Registered component gateway');
    const sync = await runCliProcess(['--workspace', ws, 'sync']);
    expect(sync).toMatchObject({ code: 0 });
    expect(sync.stdout).toBe('gateway: 2 added, 0 updated, 0 forced, 0 deleted, 0 unchanged\n');
    expect(sync.stderr).toContain('gateway · connecting');
    const releases = await runCliProcess(['--workspace', ws, 'release', 'list', 'gateway']);
    expect(releases.stdout).toMatch(/^KIND\s+NAME\s+COMMIT\s+DATE\s+SUBJECT\ntag\s+v1\.0\.0\s+[0-9a-f]{12}\s+\d{4}-\d\d-\d\d\s+first\nbranch\s+main \*/);
    const tree = await runCliProcess(['--workspace', ws, 'tree', 'gateway', 'v1.0.0', 'cmd']);
    expect(tree.stdout).toMatch(/^100644 [0-9a-f]{40}\tcmd\/main\.go\n$/);
    const show = await runCliProcess(['--workspace', ws, 'show', 'gateway', 'v1.0.0', 'README.md']);
    expect(show).toMatchObject({ code: 0, stdout: '# vendor\n' });
  });

  it('prints exactly one JSON document on stdout with --json, progress on stderr', async () => {
    const { ws, vendor } = await workspaceWithVendor();
    await runCliProcess(['--workspace', ws, 'component', 'add', 'gateway', vendor]);
    const sync = await runCliProcess(['--json', '--workspace', ws, 'sync', 'gateway']);
    const document = JSON.parse(sync.stdout) as { components: Array<{ name: string; status: string; refs: { added: number } }> };
    expect(document.components).toEqual([expect.objectContaining({ name: 'gateway', status: 'ok', refs: expect.objectContaining({ added: 2 }) })]);
    const list = JSON.parse((await runCliProcess(['--workspace', ws, 'component', 'list', '--json'])).stdout) as { components: Array<{ refCount: number }> };
    expect(list.components[0]!.refCount).toBe(2);
    const failure = await runCliProcess(['--workspace', ws, '--json', 'show', 'gateway', 'v1.0.0', 'missing.txt']);
    expect(failure.code).toBe(1);
    expect(JSON.parse(failure.stdout)).toEqual({
      error: expect.objectContaining({ code: 'NOT_FOUND', message: '"missing.txt" does not exist in gateway@refs/tags/v1.0.0.' }),
    });
  });

  it('uses exit code 1 for usage and input errors, 2 for operational failures', async () => {
    const { ws } = await workspaceWithVendor();
    expect((await runCliProcess(['--workspace', ws, 'frobnicate'])).code).toBe(1);
    expect((await runCliProcess(['--workspace', ws, 'component', 'add', 'only-name'])).code).toBe(1);
    expect((await runCliProcess(['--workspace', ws, 'component', 'list', '--bogus'])).code).toBe(1);
    const forbidden = await runCliProcess(['--workspace', ws, 'component', 'add', 'x', 'fd::3']);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toBe('error: The transport "fd::" is not allowed (only https, ssh, file and local paths): fd::3 [FORBIDDEN]\n');
    expect((await runCliProcess(['--workspace', path.join(ws, 'nope'), 'component', 'list'])).code).toBe(1);
  });

  it('refuses a second writer with LOCKED (exit 2) while serve holds the workspace, but still reads', async () => {
    const { ws, vendor } = await workspaceWithVendor();
    const served = await serveWorkspace(ws);
    try {
      const blocked = await runCliProcess(['--workspace', ws, 'component', 'add', 'gateway', vendor]);
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toMatch(/The workspace is in use by process \d+ .*\(web, since .*\)\. .*\[LOCKED\]/);
      const read = await runCliProcess(['--workspace', ws, 'component', 'list']);
      expect(read).toMatchObject({ code: 0, stdout: 'No components.\n' });
    } finally {
      await served.stop();
    }
    expect((await runCliProcess(['--workspace', ws, 'component', 'add', 'gateway', vendor])).code).toBe(0);
  });

  it('speaks Russian and Kazakh when asked', async () => {
    const { ws } = await workspaceWithVendor();
    const ru = await runCliProcess(['--workspace', ws, 'show', 'none', 'v1', 'a'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toBe('ошибка: Компонента с именем «none» нет. [NOT_FOUND]\n');
    const kk = await runCliProcess(['--lang', 'kk', '--workspace', ws, 'component', 'list']);
    expect(kk.stdout).toBe('Компоненттер жоқ.\n');
  });

  it('neutralises terminal escapes in vendor file names', async () => {
    const { ws, vendor } = await workspaceWithVendor();
    await commitFiles(vendor, { 'evil\u001b[31mred.txt': 'x' }, 'escape');
    await runCliProcess(['--workspace', ws, 'component', 'add', 'gateway', vendor]);
    await runCliProcess(['--workspace', ws, 'sync']);
    const tree = await runCliProcess(['--workspace', ws, 'tree', 'gateway', 'main']);
    expect(tree.stdout).toContain('evil\\u{1b}[31mred.txt');
    expect(tree.stdout).not.toContain('\u001b');
  });

  it('prints help and version', async () => {
    const help = await runCliProcess(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('component add NAME SOURCE');
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 usage or input error, 2 operational failure, 3 a check found problems.');
    expect((await runCliProcess(['--version'])).stdout).toMatch(/^escrow-workbench \d+\.\d+\.\d+\n$/);
  });
});
