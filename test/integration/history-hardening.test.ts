import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitDetails } from '../../shared/contract/history.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

let ws: TestWorkspace;
let scratch: string;
let marker: string;
let mirror: string;
let first: string;
let second: string;

/**
 * A vendor's .gitattributes names a diff driver, and the mirror's own config (put there for this test; our
 * mirrors never copy a vendor's config) points textconv, the driver command and diff.external at a script
 * that leaves a marker. Bare repositories read attributes from info/attributes, so the test arms that too.
 */
beforeAll(async () => {
  ws = await createTestWorkspace();
  scratch = await tempDir();
  marker = path.join(scratch, 'driver-ran');
  const script = path.join(scratch, 'evil.sh');
  await fs.writeFile(script, `#!/bin/sh\necho "$@" >> '${marker}'\necho CONVERTED\n`, { mode: 0o755 });
  const repo = await initRepository(path.join(scratch, 'vendor'));
  first = await commitFiles(repo, { '.gitattributes': '* diff=evil\n', 'a.txt': 'one\ntwo\n', 'b.bin': Buffer.from([0, 1, 2]) }, 'first');
  await git(repo, 'tag', 'v1');
  second = await commitFiles(repo, { 'a.txt': 'one\n2\n', 'b.bin': Buffer.from([0, 1, 3]) }, 'second');
  await git(repo, 'tag', 'v2');
  await call(ws.dispatcher, 'component.add', { name: 'hostile', source: repo });
  // The same history again, with vendor tags named like commits: a short id of `second` pointing at
  // `first`, and the full id of `first` pointing at `second`.
  const shadowed = path.join(scratch, 'shadowed');
  await git(scratch, 'clone', '-q', '--bare', repo, shadowed);
  await git(shadowed, 'tag', second.slice(0, 8), first);
  await git(shadowed, 'tag', first, second);
  await call(ws.dispatcher, 'component.add', { name: 'shadowed', source: shadowed });
  await call(ws.dispatcher, 'sync.run', {});
  mirror = ws.workspace.paths.mirror((await ws.core.components.require('hostile')).id);
  const config = path.join(mirror, 'config');
  await git(scratch, 'config', '--file', config, 'diff.evil.textconv', script);
  await git(scratch, 'config', '--file', config, 'diff.evil.command', script);
  await git(scratch, 'config', '--file', config, 'diff.external', script);
  await fs.mkdir(path.join(mirror, 'info'), { recursive: true });
  await fs.writeFile(path.join(mirror, 'info', 'attributes'), '* diff=evil\n');
});
afterAll(async () => ws?.close());

describe('diff drivers of a hostile deposit', () => {
  it('are armed: plain git in the mirror runs them', async () => {
    await git(mirror, 'blame', 'v2', '--', 'a.txt');
    await git(mirror, 'diff', 'v1', 'v2').catch(() => undefined);
    expect(existsSync(marker)).toBe(true);
    await fs.rm(marker);
  });

  it('never run for diff, patch, file sides, blame, history, commit details or the command line', async () => {
    const range = { component: 'hostile', from: 'v1', to: 'v2' };
    const files = (await call(ws.dispatcher, 'diff.files', range)) as { files: Array<{ path: string; additions: number | null }> };
    expect(files.files.map((f) => [f.path, f.additions])).toEqual([['a.txt', 1], ['b.bin', null]]);
    const { patch } = (await call(ws.dispatcher, 'diff.patch', range)) as { patch: string };
    expect(patch).toContain('-two\n+2\n');
    expect(patch).not.toContain('CONVERTED');
    await call(ws.dispatcher, 'diff.patch', { ...range, path: 'a.txt' });
    await call(ws.dispatcher, 'diff.file', { ...range, path: 'a.txt' });
    const blame = (await call(ws.dispatcher, 'blame.file', { component: 'hostile', ref: 'v2', path: 'a.txt' })) as { lines: number };
    expect(blame.lines).toBe(2);
    await call(ws.dispatcher, 'history.file', { component: 'hostile', ref: 'v2', path: 'a.txt' });
    await call(ws.dispatcher, 'commit.show', { component: 'hostile', commit: second });
    const cli = await runCliProcess(['--workspace', ws.root, 'diff', 'hostile', 'v1', 'v2', '--patch']);
    expect(cli).toMatchObject({ code: 0 });
    expect(cli.stdout).toContain('+2\n');
    expect((await runCliProcess(['--workspace', ws.root, 'blame', 'hostile', 'v2', 'a.txt'])).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('vendor refs named like commit ids', () => {
  it('do not stand in for an abbreviated commit id', async () => {
    const details = (await call(ws.dispatcher, 'commit.show', { component: 'shadowed', commit: second.slice(0, 8) })) as CommitDetails;
    expect(details).toMatchObject({ commit: second, parents: [first] });
  });

  it('are refused when they would replace the commit a file is read from', async () => {
    expect(await ws.dispatcher.invoke('diff.file', { component: 'shadowed', from: 'v1', to: 'v2', path: 'a.txt' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { messageKey: 'error.history.refShadowsCommit' } },
    });
  });
});
