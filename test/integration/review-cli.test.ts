import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { TEST_PASSPHRASE } from '../helpers/workspace.js';

let workspace: string;
const cli = (...args: string[]) => runCliProcess(['--workspace', workspace, ...args], { env: { ESCROW_PASSPHRASE: TEST_PASSPHRASE } });

beforeAll(async () => {
  const dir = await tempDir('ew-review-cli-');
  workspace = path.join(dir, 'ws');
  const repo = await initRepository(path.join(dir, 'vendor'));
  await commitFiles(repo, { 'src/auth.go': 'package auth\n\nfunc Check(p string) bool {\n\treturn p == "admin"\n}\n', 'README.md': '# Auth\n' }, 'v1');
  await git(repo, 'tag', 'v1');
  expect((await cli('init', '--admin', 'admin')).code).toBe(0);
  for (const person of ['aliya', 'timur']) {
    expect((await cli('identity', 'new', person)).code).toBe(0);
    expect((await cli('--as', 'admin', 'user', 'add', person, '--role', 'reviewer', '--role', 'security,approver')).code).toBe(0);
  }
  expect((await cli('component', 'add', 'auth', repo)).code).toBe(0);
  expect((await cli('sync')).code).toBe(0);
});

describe('review from the command line', () => {
  it('annotates, replies, resolves, and lists threads as JSON', async () => {
    const opened = await cli('--as', 'aliya', '--json', 'annotate', 'auth', 'v1', 'src/auth.go', '--lines', '3-4', '--body', 'Hard-coded password check.');
    expect(opened.code).toBe(0);
    const thread = JSON.parse(opened.stdout) as { id: string; createdBy: string; placement: { startLine: number } };
    expect(thread).toMatchObject({ createdBy: 'aliya', placement: { startLine: 3, endLine: 4 } });
    expect((await cli('--as', 'timur', 'thread', 'reply', thread.id, '--body', 'Confirmed.')).code).toBe(0);
    expect((await cli('--as', 'timur', 'thread', 'resolve', thread.id)).stdout.trim()).toBe(`${thread.id} resolved`);
    const listed = JSON.parse((await cli('--json', 'thread', 'list', 'auth', 'v1', 'src/auth.go')).stdout) as { threads: Array<{ status: string; comments: Array<{ author: string }> }> };
    expect(listed.threads).toHaveLength(1);
    expect(listed.threads[0]!.status).toBe('resolved');
    expect(listed.threads[0]!.comments.map((c) => c.author)).toEqual(['aliya', 'timur']);
  });

  it('marks files reviewed and prints coverage per person', async () => {
    expect((await cli('--as', 'aliya', 'review', 'mark', 'auth', 'v1', 'README.md')).stdout.trim()).toBe('1 file marked reviewed.');
    expect((await cli('--as', 'timur', 'review', 'mark', 'auth', 'v1', 'src/auth.go', '--lines', '1-2')).code).toBe(0);
    const coverage = await cli('review', 'coverage', 'auth', 'v1', '--files');
    expect(coverage.code).toBe(0);
    expect(coverage.stdout).toMatch(/safe-to-deploy\s+everyone\s+1\/2\s+3\/6\s+50\.0%\s+3/);
    expect(coverage.stdout).toMatch(/aliya\s+1\/2\s+1\/6/);
    expect(coverage.stdout).toMatch(/src\/auth\.go\s+2\/5\s+timur/);
  });

  it('records findings, moves them through the workflow, and needs a second person for a risk', async () => {
    const added = await cli('--as', 'aliya', '--json', 'finding', 'add', 'auth', 'v1', 'src/auth.go', '--lines', '4', '--severity', 'high', '--title', 'Hard-coded credential', '--cwe', 'CWE-798', '--cvss', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ number: 1, cwe: { id: 798 }, cvss: { score: 9.8 } });
    expect((await cli('--as', 'timur', 'finding', 'set-status', 'auth/F-1', 'confirmed')).code).toBe(0);
    expect((await cli('--as', 'aliya', 'finding', 'accept-risk', 'auth/F-1', '--justification', 'Internal tool only', '--expires', '2031-06-30')).code).toBe(0);
    const own = await cli('--as', 'aliya', 'finding', 'approve-risk', 'auth/F-1');
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('aliya asked to accept the risk of F-1 and cannot approve it');
    expect((await cli('--as', 'timur', 'finding', 'approve-risk', 'auth/F-1')).code).toBe(0);
    const list = await cli('finding', 'list', 'auth');
    expect(list.stdout).toMatch(/auth\/F-1\s+high\s+risk-accepted\s+CWE-798\s+src\/auth\.go:4\s+Hard-coded credential/);
  });

  it('refuses bad input with a specific message and exit 1', async () => {
    const badLines = await cli('annotate', 'auth', 'v1', 'src/auth.go', '--lines', '4-x', '--body', 'x');
    expect(badLines.code).toBe(1);
    expect(badLines.stderr).toContain('--lines takes a line or a range such as 10-20, not "4-x".');
    const badSeverity = await cli('finding', 'add', 'auth', 'v1', 'src/auth.go', '--lines', '4', '--severity', 'severe', '--title', 'x');
    expect(badSeverity.code).toBe(1);
    expect(badSeverity.stderr).toContain('--severity must be one of critical, high, medium, low, info, not "severe".');
    const badId = await cli('finding', 'set-status', 'F-1', 'closed');
    expect(badId.code).toBe(1);
    expect((await cli('--as', '<b>', 'thread', 'list', 'auth', 'v1')).code).toBe(1);
  });

  it('shows every component\'s status', async () => {
    const status = await cli('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/auth\s+main\s+in review\s+50\.0%\s+C0 H0 M0 L0\s+0/);
  });
});
