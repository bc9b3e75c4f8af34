import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, type TestWorkspace } from '../helpers/workspace.js';

const htmlName = '<img src=x onerror=alert(1)>.js';
const lines = (last: string[]) => [...Array.from({ length: 7 }, (_, i) => `line ${i + 1}`), ...last].map((l) => `${l}\n`).join('');

let ws: TestWorkspace;
let c1: string;
let c2: string;
const cli = (...args: string[]) => runCliProcess(['--workspace', ws.root, ...args]);

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir(), 'vendor'));
  c1 = await commitFiles(repo, { 'src/app.js': lines(['line 8']), 'notes.txt': 'a\tb \u001b[31mred\n', 'logo.png': Buffer.from([0x89, 0x50, 0, 1]) }, 'first');
  await git(repo, 'tag', 'v1');
  await commitFiles(repo, { 'src/app.js': null, 'src/main.js': lines(['line eight', 'line 9']), 'logo.png': Buffer.from([0x89, 0x50, 0, 2]), [htmlName]: 'alert(1);\n' }, 'Rename app.js \u001b[2J');
  await git(repo, 'commit', '-q', '--amend', '--no-edit', '--author=Second Author <second@vendor.example>');
  c2 = (await git(repo, 'rev-parse', 'HEAD')).trim();
  await git(repo, 'tag', 'v2');
  await call(ws.dispatcher, 'component.add', { name: 'vendor', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
});
afterAll(async () => ws?.close());

describe('escrow-workbench diff', () => {
  it('prints the changed files with line counts and totals', async () => {
    const run = await cli('diff', 'vendor', 'v1', 'v2');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        'STATUS    CHANGES  PATH',
        `added     +1 −0    ${htmlName}`,
        'modified  binary   logo.png',
        'renamed   +2 −1    src/app.js → src/main.js',
        '3 files changed, +3 −1',
        '',
      ].join('\n'),
    );
    const russian = await cli('--lang', 'ru', 'diff', 'vendor', 'v1', 'v2', '--path', 'src/');
    expect(russian.stdout).toBe('СТАТУС        ИЗМЕНЕНИЯ  ПУТЬ\nпереименован  +2 −1      src/app.js → src/main.js\nИзменено 1 файл, +2 −1\n');
    expect((await cli('diff', 'vendor', 'v2', 'v2')).stdout).toBe('No file differs between v2 and v2.\n');
  });

  it('prints the unified diff with --patch, byte-exact when piped', async () => {
    const run = await cli('diff', 'vendor', 'v1', 'v2', '--patch', '--path', 'src');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'diff --git a/src/app.js b/src/main.js\nsimilarity index 73%\nrename from src/app.js\nrename to src/main.js\n' +
        `index ${run.stdout.match(/^index (\S+)/m)![1]} 100644\n--- a/src/app.js\n+++ b/src/main.js\n@@ -5,4 +5,5 @@ line 4\n line 5\n line 6\n line 7\n-line 8\n+line eight\n+line 9\n`,
    );
    const notes = await cli('diff', 'vendor', 'v1', 'v2', '--patch', '--path', 'logo.png');
    expect(notes.stdout).toContain('Binary files a/logo.png and b/logo.png differ\n');
  });

  it('prints exactly the method result with --json', async () => {
    const run = await cli('--json', 'diff', 'vendor', 'v1', 'v2');
    expect(JSON.parse(run.stdout)).toEqual(await call(ws.dispatcher, 'diff.files', { component: 'vendor', from: 'v1', to: 'v2' }));
    const patch = await cli('--json', 'diff', 'vendor', 'v1', 'v2', '--patch');
    expect(JSON.parse(patch.stdout)).toEqual(await call(ws.dispatcher, 'diff.patch', { component: 'vendor', from: 'v1', to: 'v2' }));
    const missing = await cli('--json', 'diff', 'vendor', 'v1', 'v2', '--path', 'nope');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND', message: '"nope" exists in neither vendor@v1 nor vendor@v2.' }) });
  });
});

describe('escrow-workbench blame', () => {
  it('prints commit, author, date and number before each line, across a rename', async () => {
    const run = await cli('blame', 'vendor', 'v2', 'src/main.js');
    expect(run.code).toBe(0);
    const out = run.stdout.split('\n');
    expect(out).toHaveLength(10);
    expect(out[0]).toMatch(new RegExp(`^${c1.slice(0, 8)} Vendor Dev    \\d{4}-\\d\\d-\\d\\d 1\\) line 1$`));
    expect(out[7]).toMatch(new RegExp(`^${c2.slice(0, 8)} Second Author \\d{4}-\\d\\d-\\d\\d 8\\) line eight$`));
    expect(out[8]).toMatch(/ 9\) line 9$/);
    expect(out[9]).toBe('');
  });

  it('escapes terminal control characters in the text, and prints the method result with --json', async () => {
    const run = await cli('blame', 'vendor', 'v2', 'notes.txt');
    expect(run.stdout).toMatch(/^[0-9a-f]{8} Vendor Dev \d{4}-\d\d-\d\d 1\) a\tb \\u\{1b\}\[31mred\n$/);
    const json = await cli('--json', 'blame', 'vendor', 'v2', 'notes.txt');
    expect(JSON.parse(json.stdout)).toEqual(await call(ws.dispatcher, 'blame.file', { component: 'vendor', ref: 'v2', path: 'notes.txt' }));
  });

  it('exits 1 with a specific message for a binary file', async () => {
    const run = await cli('blame', 'vendor', 'v2', 'logo.png');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('error: "logo.png" in vendor@refs/tags/v2 is a binary file: only text can be blamed line by line. [INVALID_INPUT]\n');
  });
});

describe('escrow-workbench log and commit', () => {
  it('lists the commits of a file through its rename', async () => {
    const run = await cli('log', 'vendor', 'v2', 'src/main.js');
    const rows = run.stdout.split('\n');
    expect(rows[0]).toMatch(/^COMMIT\s+DATE\s+STATUS\s+PATH\s+AUTHOR\s+SUBJECT$/);
    expect(rows[1]).toMatch(new RegExp(`^${c2.slice(0, 12)}\\s+\\d{4}-\\d\\d-\\d\\d\\s+R\\s+src/main\\.js\\s+Second Author\\s+Rename app\\.js \\\\u\\{1b\\}\\[2J$`));
    expect(rows[2]).toMatch(new RegExp(`^${c1.slice(0, 12)}\\s+\\d{4}-\\d\\d-\\d\\d\\s+A\\s+src/app\\.js\\s+Vendor Dev\\s+first$`));
    const json = await cli('--json', 'log', 'vendor', 'v2', 'src/main.js', '--limit', '1');
    expect((JSON.parse(json.stdout) as { entries: Array<{ commit: string }> }).entries.map((e) => e.commit)).toEqual([c2]);
    expect((await cli('log', 'vendor', 'v2', 'src/main.js', '--limit', '0')).code).toBe(1);
  });

  it('shows a commit with its people, message and files', async () => {
    const run = await cli('commit', 'vendor', c2.slice(0, 10).toUpperCase());
    expect(run.code).toBe(0);
    const out = run.stdout.split('\n');
    expect(out.slice(0, 2)).toEqual([`commit ${c2}`, `Parents:   ${c1}`]);
    expect(out[2]).toMatch(/^Author: {4}Second Author <second@vendor\.example> \d{4}-\d\d-\d\dT[\d:]+\+05:00$/);
    expect(out[3]).toMatch(/^Committer: Vendor Dev <dev@vendor\.example> /);
    expect(out.slice(4)).toEqual(['', '    Rename app.js \\u{1b}[2J', '', 'STATUS    CHANGES  PATH', `added     +1 −0    ${htmlName}`, 'modified  binary   logo.png', 'renamed   +2 −1    src/app.js → src/main.js', '3 files changed, +3 −1', '']);
    const root = await cli('commit', 'vendor', c1);
    expect(root.stdout.split('\n')[1]).toBe('Parents:   none (the first commit)');
    const json = await cli('--json', 'commit', 'vendor', c1);
    expect(JSON.parse(json.stdout)).toEqual(await call(ws.dispatcher, 'commit.show', { component: 'vendor', commit: c1 }));
    expect((await cli('commit', 'vendor', 'deadbeef')).stderr).toBe('error: Component "vendor" has no commit deadbeef. [NOT_FOUND]\n');
  });
});
