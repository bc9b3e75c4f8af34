import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors.js';

/** Where a distribution puts Chromium when CHROMIUM_PATH does not say. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

const DEFAULT_TIMEOUT_MS = 90_000;
/** What Chromium may see of our environment: enough to find fonts and a temp folder, no credentials. */
const PASSED_ENV = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'FONTCONFIG_FILE', 'FONTCONFIG_PATH', 'XDG_DATA_DIRS'];

export interface PrintOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** The Chromium to print with: CHROMIUM_PATH when set (and it must then exist), else the first candidate present. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (!(await isExecutable(configured))) throw new AppError('UNAVAILABLE', 'error.report.chromiumPathMissing', { path: configured });
    return configured;
  }
  for (const candidate of CHROMIUM_CANDIDATES) if (await isExecutable(candidate)) return candidate;
  throw new AppError('UNAVAILABLE', 'error.report.noChromium', { looked: ['CHROMIUM_PATH', ...CHROMIUM_CANDIDATES].join(', ') });
}

/**
 * The HTML printed to PDF by headless Chromium. The page is written to a fresh temp folder with its own
 * profile, so only our fixed file names reach the command line (never vendor text); the page's CSP forbids
 * any fetch; the whole folder is removed afterwards, whatever happened.
 */
export async function printPdf(htmlText: string, options: PrintOptions = {}): Promise<Buffer> {
  const env = options.env ?? process.env;
  const binary = await findChromium(env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ew-report-'));
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, 'report.pdf');
    const profile = path.join(dir, 'profile');
    await fs.writeFile(page, htmlText, { encoding: 'utf8', mode: 0o600 });
    await fs.mkdir(profile, { mode: 0o700 });
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    const childEnv: NodeJS.ProcessEnv = { HOME: dir, TMPDIR: dir };
    for (const name of PASSED_ENV) if (env[name] !== undefined) childEnv[name] = env[name];
    await runChromium(binary, args, childEnv, timeoutMs);
    const pdf = await fs.readFile(out).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('UNAVAILABLE', 'error.report.printFailed', { code: 0, reason: 'no PDF was written' });
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

function runChromium(binary: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends the browser and every helper process it started.
    const child = spawn(binary, args, { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('UNAVAILABLE', 'error.report.printFailed', { code: -1, reason: error.message }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Helpers may outlive the browser's main process for a moment; they must not keep the temp folder busy.
      killGroup(child.pid);
      if (timedOut) return reject(new AppError('UNAVAILABLE', 'error.report.printTimeout', { seconds: Math.max(1, Math.round(timeoutMs / 1000)) }));
      if (code !== 0) return reject(new AppError('UNAVAILABLE', 'error.report.printFailed', { code: code ?? String(signal), reason: lastLines(stderr) }));
      resolve();
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The end of Chromium's log, where its reason for failing is, without the noise before it. */
function lastLines(stderr: string): string {
  return stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500) || 'no output';
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
