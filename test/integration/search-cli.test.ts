import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchFile, SearchSummary } from '../../shared/contract/search.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace } from '../helpers/workspace.js';

let root: string;
let v1: string;
const cli = (...args: string[]) => runCliProcess(['--workspace', root, ...args]);

beforeAll(async () => {
  const ws = await createTestWorkspace();
  root = ws.root;
  const repo = await initRepository(path.join(await tempDir(), 'archive'));
  v1 = await commitFiles(
    repo,
    {
      'src/main.go': 'package main\n\n// Payment entry point\nfunc payment() {}\n',
      'src/pay/ledger.go': 'func Ledger(payment int) int { return payment }\n',
      'docs/notes.md': 'Payments are recorded daily.\n',
      'vendor/lib/pay.go': 'package lib // payment vendored\n',
      'evil.txt': 'payment \u001b[2J\u202e done\n',
      'scripts/clean.sh': 'rm -rf build\n',
    },
    'v1',
  );
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'first release');
  await commitFiles(repo, { 'later.go': 'var payment = 2\n' }, 'after the release');
  await call(ws.dispatcher, 'component.add', { name: 'archive', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  await ws.close();
});

// Each test starts CLI processes of its own; only the pinning test changes the workspace, and the others name
// their release, so they run side by side.
describe.concurrent('escrow-workbench search', () => {
  it('prints one line per match and a summary; --path repeats', async () => {
    const result = await cli('search', 'payment', '--component', 'archive', '--ref', 'v1.0.0', '--path', 'src/**', '--path', 'docs');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe(
      [
        'archive@refs/tags/v1.0.0:docs/notes.md:1:1: Payments are recorded daily.',
        'archive@refs/tags/v1.0.0:src/main.go:3:4: // Payment entry point',
        'archive@refs/tags/v1.0.0:src/main.go:4:6: func payment() {}',
        'archive@refs/tags/v1.0.0:src/pay/ledger.go:1:13: func Ledger(payment int) int { return payment }',
        '',
        '4 matches in 3 files across 1 release',
        '',
      ].join('\n'),
    );
  });

  it('shows vendor text with escape sequences and bidirectional overrides made visible', async () => {
    const result = await cli('search', 'payment', '--component', 'archive', '--ref', 'v1.0.0', '--case-sensitive', '--word', '--exclude', 'src/**', '--exclude', 'vendor');
    expect(result.stdout).toBe(['archive@refs/tags/v1.0.0:evil.txt:1:1: payment \\u{1b}[2J\\u{202e} done', '', '1 match in 1 file across 1 release', ''].join('\n'));
  });

  it('prints the summary and every file with --json', async () => {
    const result = await cli('--json', 'search', 'pay(ment)?\\b', '--regex', '--component', 'archive', '--ref', 'v1.0.0', '--path', '*.go', '--limit', '2');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as SearchSummary & { files: SearchFile[] };
    expect(document).toMatchObject({ totalFiles: 1, totalMatches: 2, truncated: true, releases: [{ component: 'archive', ref: 'refs/tags/v1.0.0', commit: v1 }] });
    expect(document.searchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(document.files).toEqual([
      {
        component: 'archive',
        ref: 'refs/tags/v1.0.0',
        commit: v1,
        path: 'src/main.go',
        matchCount: 2,
        matches: [
          { line: 3, column: 4, length: 7, text: '// Payment entry point', textStart: 0 },
          { line: 4, column: 6, length: 7, text: 'func payment() {}', textStart: 0 },
        ],
      },
    ]);
  });

  it('searches a component\'s default branch until a release is pinned, then the pinned release, then all pinned', async () => {
    const [nothingPinned, defaultBranch] = await Promise.all([cli('search', 'payment'), cli('search', 'payment', '--component', 'archive', '--path', 'later.go')]);
    expect(nothingPinned).toMatchObject({ code: 1, stdout: '' });
    expect(nothingPinned.stderr).toContain('No release is pinned in any component yet: pin one with "release pin NAME REF" first');
    expect(defaultBranch.stdout).toBe(
      ['archive@refs/heads/main:later.go:1:5: var payment = 2', '', '1 match in 1 file across 1 release', ''].join('\n'),
    );
    expect((await cli('release', 'pin', 'archive', 'v1.0.0')).code).toBe(0);
    const [pinned, all, dashed] = await Promise.all([
      cli('search', 'payment', '--component', 'archive', '--path', 'later.go'),
      cli('search', 'rm -rf'),
      // After "--" a pattern may start with "-".
      cli('search', '--component', 'archive', '--', '-rf'),
    ]);
    expect(pinned).toMatchObject({ code: 0, stdout: 'No matches in 1 release.\n' });
    expect(all).toMatchObject({ code: 0, stdout: ['archive@refs/tags/v1.0.0:scripts/clean.sh:1:1: rm -rf build', '', '1 match in 1 file across 1 release', ''].join('\n') });
    expect(dashed.stdout).toContain('archive@refs/tags/v1.0.0:scripts/clean.sh:1:4: rm -rf build');
  });

  it('exits 1 for bad input, naming the problem', async () => {
    const [regex, refAlone, limit, magic, json] = await Promise.all([
      cli('search', '(', '--regex', '--component', 'archive', '--ref', 'v1.0.0'),
      cli('search', 'x', '--ref', 'v1.0.0'),
      cli('search', 'x', '--limit', 'many'),
      cli('search', 'x', '--path', ':(top)x', '--component', 'archive', '--ref', 'v1.0.0'),
      cli('--json', 'search', 'x', '--component', 'nope'),
    ]);
    expect(regex).toMatchObject({ code: 1, stdout: '' });
    expect(regex.stderr).toContain('The regular expression is not valid: Unmatched ( or \\(.');
    expect(refAlone).toMatchObject({ code: 1 });
    expect(refAlone.stderr).toContain('--ref names a release of one component: give --component too.');
    expect(limit).toMatchObject({ code: 1 });
    expect(limit.stderr).toContain('--limit must be a positive whole number, not "many".');
    expect(magic).toMatchObject({ code: 1 });
    expect(magic.stderr).toContain('must not start with ":"');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
