import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, printPdf } from '../../electron/core/reports/report-pdf.js';
import type { RenderedReport } from '../../shared/contract/reports.js';
import { runCliProcess } from '../helpers/cli-process.js';
import { commitFiles, git, initRepository } from '../helpers/git-fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { call, createTestWorkspace, TEST_PASSPHRASE, type TestWorkspace } from '../helpers/workspace.js';

const TITLE = 'Hard-coded <b>admin</b> password & "quoted" check';
const ESCAPED_TITLE = 'Hard-coded &lt;b&gt;admin&lt;/b&gt; password &amp; &quot;quoted&quot; check';

let ws: TestWorkspace;
let digest: string;
const chromium = await findChromium().catch(() => null);
const NO_CHROMIUM = 'no Chromium binary: set CHROMIUM_PATH or install chromium (CI installs Debian\'s chromium)';

beforeAll(async () => {
  ws = await createTestWorkspace();
  const repo = await initRepository(path.join(await tempDir('ew-reports-'), 'auth'));
  await commitFiles(repo, { 'src/auth.go': 'package auth\n\nfunc Check(p string) bool {\n\treturn p == "admin"\n}\n', 'README.md': '# Auth\n', LICENSE: 'Escrowed.\n' }, 'v1');
  await git(repo, 'tag', 'v1');
  await call(ws.dispatcher, 'component.add', { name: 'auth', source: repo });
  await call(ws.dispatcher, 'sync.run', {});
  const pinned = (await call(ws.dispatcher, 'release.pin', { component: 'auth', ref: 'v1' })) as { release: { digest: string } };
  digest = pinned.release.digest;
  await call(ws.dispatcher, 'finding.add', { component: 'auth', ref: 'v1', title: TITLE, severity: 'high', cwe: 798, locations: [{ path: 'src/auth.go', startLine: 4, endLine: 4 }] }, 'alice');
  await call(ws.dispatcher, 'review.mark', { component: 'auth', ref: 'v1', paths: ['README.md'] }, 'carol');
  await call(ws.dispatcher, 'signoff.sign', { component: 'auth', ref: 'v1', role: 'reviewer', decision: 'approve', comment: 'Looked at <src/auth.go>.' }, 'bob');
}, 120_000);
afterAll(async () => ws?.close());

const render = async (input: Record<string, unknown>) => (await call(ws.dispatcher, 'report.render', input)) as RenderedReport;
const reportDirs = async () => (await fs.readdir(os.tmpdir())).filter((name) => /^ew-report-[A-Za-z0-9]{6}$/.test(name)).sort();

describe('report.render', () => {
  it('writes an HTML report with the release, the gate, the finding (escaped) and the sign-off', async () => {
    const report = await render({ component: 'auth', ref: 'v1', locale: 'en', format: 'html' });
    expect(report).toMatchObject({ fileName: 'auth_v1_en.html', mimeType: 'text/html; charset=utf-8' });
    const page = Buffer.from(report.base64, 'base64').toString('utf8');
    expect(page).toContain('auth<span class="at">@</span>v1');
    expect(page).toContain(digest);
    expect(page).toContain(ESCAPED_TITLE);
    expect(page).not.toContain('<b>admin</b>');
    expect(page).toContain('Looked at &lt;src/auth.go&gt;.');
    expect(page).toMatch(/<td class="strong">bob<\/td><td>reviewer<\/td>/);
    expect(page).toContain('No open finding above low (1 open above it)');
    expect(page).toContain('Approvals as reviewer: 1 of 1');
    expect(page).toContain('Not approved');
    expect(page).toContain('CWE-798');
    expect(page).toContain('LICENSE');
    expect(page).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:".replaceAll("'", '&#39;'));
    expect(page.toLowerCase()).not.toContain('<script');
  });

  it('speaks the reader\'s language', async () => {
    const ru = Buffer.from((await render({ component: 'auth', ref: 'v1', locale: 'ru', format: 'html' })).base64, 'base64').toString('utf8');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Одобрения в роли «рецензент»: 1 из 1');
    expect(ru).toContain(ESCAPED_TITLE);
    const kk = Buffer.from((await render({ component: 'auth', ref: 'v1', locale: 'kk', format: 'html' })).base64, 'base64').toString('utf8');
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('Релизге рұқсат шарттары');
  });

  it('prints a PDF with Chromium and leaves no temp files behind', async (context) => {
    if (!chromium) return context.skip(NO_CHROMIUM);
    const before = await reportDirs();
    const report = await render({ component: 'auth', ref: 'v1', locale: 'kk', format: 'pdf' });
    expect(report).toMatchObject({ fileName: 'auth_v1_kk.pdf', mimeType: 'application/pdf' });
    const pdf = Buffer.from(report.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1024);
    expect(await reportDirs()).toEqual(before);
  });

  it('refuses an unknown component or locale with a clear error', async () => {
    expect(await ws.dispatcher.invoke('report.render', { component: 'nope', ref: 'v1', locale: 'en', format: 'html' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ws.dispatcher.invoke('report.render', { component: 'auth', ref: 'v1', locale: 'de', format: 'html' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('printing through Chromium', () => {
  /** A stand-in browser: records its arguments, then does what the test asks. */
  async function fakeBrowser(body: string): Promise<{ binary: string; argsFile: string }> {
    const dir = await tempDir('ew-fake-chromium-');
    const argsFile = path.join(dir, 'args.txt');
    const binary = path.join(dir, 'chromium');
    await fs.writeFile(binary, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n${body}\n`, { mode: 0o755 });
    return { binary, argsFile };
  }

  it('says clearly when CHROMIUM_PATH names no executable', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file') });
  });

  it('passes only fixed flags and temp file names, never the report\'s text, and cleans up after a failure', async () => {
    const { binary, argsFile } = await fakeBrowser('echo "cannot open display" >&2\nexit 3');
    const before = await reportDirs();
    await expect(printPdf(`<p>${TITLE}</p>`, { env: { CHROMIUM_PATH: binary, PATH: process.env['PATH'] } })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('Chromium could not print the report (exit 3): cannot open display'),
    });
    const args = (await fs.readFile(argsFile, 'utf8')).trim().split('\n');
    expect(args.slice(0, 7)).toEqual(['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);
    expect(args).toContain('--no-pdf-header-footer');
    expect(args.find((a) => a.startsWith('--user-data-dir='))).toMatch(/ew-report-\w{6}\/profile$/);
    expect(args.find((a) => a.startsWith('--print-to-pdf='))).toMatch(/ew-report-\w{6}\/report\.pdf$/);
    expect(args.at(-1)).toMatch(/^file:\/\/.*ew-report-\w{6}\/report\.html$/);
    expect(args.join(' ')).not.toContain('admin');
    expect(await reportDirs()).toEqual(before);
  });

  it('stops a browser that hangs', async () => {
    const { binary } = await fakeBrowser('sleep 30');
    const before = await reportDirs();
    await expect(printPdf('<p>x</p>', { env: { CHROMIUM_PATH: binary, PATH: process.env['PATH'] }, timeoutMs: 500 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Chromium did not finish printing the report within 1 second.',
    });
    expect(await reportDirs()).toEqual(before);
  });
});

describe('the report command', () => {
  const cli = (...args: string[]) => runCliProcess(['--workspace', ws.root, ...args], { env: { ESCROW_PASSPHRASE: TEST_PASSPHRASE } });

  it('writes the HTML report to the file named by -o', async () => {
    const file = path.join(await tempDir('ew-report-cli-'), 'auth-v1.html');
    const run = await cli('--lang', 'en', 'report', 'auth', 'v1', '--format', 'html', '--locale', 'ru', '-o', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`Wrote the HTML report on auth@v1 to ${file}.`);
    const page = await fs.readFile(file, 'utf8');
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain(digest);
    expect(page).toContain(ESCAPED_TITLE);
    expect((await fs.readdir(path.dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a PDF in the command line\'s language and reports it as JSON', async (context) => {
    if (!chromium) return context.skip(NO_CHROMIUM);
    const file = path.join(await tempDir('ew-report-cli-'), 'auth-v1.pdf');
    const run = await cli('--json', '--lang', 'kk', 'report', 'auth', 'v1', '--format', 'pdf', '-o', file);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { file: string; format: string; locale: string; bytes: number };
    expect(out).toMatchObject({ file, format: 'pdf', locale: 'kk', mimeType: 'application/pdf' });
    const pdf = await fs.readFile(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(out.bytes);
  });

  it('refuses a format it does not make, and a missing -o', async () => {
    const docx = await cli('--lang', 'en', 'report', 'auth', 'v1', '--format', 'docx', '-o', '/tmp/x');
    expect(docx.code).toBe(1);
    expect(docx.stderr).toContain('--format must be one of html, pdf, not "docx".');
    const noFile = await cli('--lang', 'en', 'report', 'auth', 'v1', '--format', 'html');
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain('-o is required.');
  });
});
