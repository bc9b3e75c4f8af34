import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);

let repo: string;
let bare: string;
let commit: string;
let archive: string;
let extracted: string;
let expected: string;

beforeAll(async () => {
  const base = await tempDir('ew-digest-cli-');
  repo = await initRepository(path.join(base, 'vendor'));
  commit = await commitFiles(repo, { 'README.md': '# vendor\n', 'bin/run': { content: '#!/bin/sh\n', mode: '100755' }, 'docs/link': { symlink: '../README.md' }, 'Описание.txt': 'текст\n' }, 'release');
  bare = path.join(base, 'vendor.git');
  await git(base, 'clone', '-q', '--bare', repo, bare);
  archive = path.join(base, 'release.tar.gz');
  await git(repo, 'archive', '--format=tar.gz', '--prefix=vendor-1.0/', '-o', archive, commit);
  extracted = path.join(base, 'extracted');
  await fs.mkdir(extracted);
  await run('tar', ['-xzf', archive, '-C', extracted, '--strip-components=1']);
  // No workspace anywhere: digest must not need one.
  const first = await runCliProcess(['--workspace', path.join(base, 'no-workspace'), 'digest', '--repo', repo, '--commit', commit]);
  expect(first).toMatchObject({ code: 0, stderr: '' });
  expected = first.stdout.trim();
  expect(expected).toMatch(/^sha256:[0-9a-f]{64}$/);
  await expect(fs.stat(path.join(base, 'no-workspace'))).rejects.toMatchObject({ code: 'ENOENT' });
});

describe('escrow-workbench digest', () => {
  it('prints the same digest for a commit (full or abbreviated, bare or not), the archive and the folder', async () => {
    const runs = await Promise.all([
      runCliProcess(['digest', '--repo', bare, '--commit', commit.slice(0, 7)]),
      runCliProcess(['digest', '--repo', path.join(repo, '.git'), '--commit', commit.toUpperCase()]),
      runCliProcess(['digest', '--archive', archive, '--strip-components', '1']),
      runCliProcess(['digest', '--dir', extracted]),
    ]);
    for (const result of runs) expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('prints one JSON document with --json', async () => {
    const result = await runCliProcess(['--json', 'digest', '--dir', extracted]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ digest: expected, files: 4, bytes: '# vendor\n'.length + '#!/bin/sh\n'.length + '../README.md'.length + Buffer.byteLength('текст\n') });
  });

  it('exits 1 on usage errors and names the problem', async () => {
    const cases: Array<[string[], string]> = [
      [[], 'Give exactly one source'],
      [['--dir', extracted, '--archive', archive], 'Give exactly one source'],
      [['--dir', extracted, '--repo', repo, '--commit', commit], 'Give exactly one source'],
      [['--repo', repo], '--repo and --commit go together'],
      [['--commit', commit], '--repo and --commit go together'],
      [['--dir', extracted, '--strip-components', '1'], 'only to --archive'],
      [['--archive', archive, '--strip-components', 'two'], 'whole number'],
      [['--repo', repo, '--commit', 'HEAD'], 'is not a commit id'],
      [['--repo', repo, '--commit', '--all'], 'is not a commit id'],
      [['--repo', repo, '--commit', 'abc'], 'is not a commit id'],
      [['--dir', extracted, 'extra'], 'Unexpected argument "extra"'],
      [['--dri', extracted], '--dri'],
    ];
    for (const [args, message] of cases) {
      const result = await runCliProcess(['digest', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  });

  it('exits 1 with NOT_FOUND for an unknown commit, a missing folder or a folder that is no repository', async () => {
    const unknown = await runCliProcess(['--json', 'digest', '--repo', repo, '--commit', 'f'.repeat(40)]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND', message: `The repository ${path.join(repo, '.git')} has no commit ${'f'.repeat(40)}.` }) });
    const missing = await runCliProcess(['digest', '--dir', path.join(extracted, 'nope')]);
    expect(missing).toMatchObject({ code: 1, stderr: `error: There is nothing at ${path.join(extracted, 'nope')}. [NOT_FOUND]\n` });
    const notRepo = await runCliProcess(['digest', '--repo', extracted, '--commit', commit]);
    expect(notRepo).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a git repository') });
  });
});
