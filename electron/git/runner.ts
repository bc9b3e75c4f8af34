import { spawn, type ChildProcess } from 'node:child_process';
import { hardenedGitEnvironment, hardeningArguments } from './environment.js';
import { GitError, classifyGitFailure } from './git-error.js';

/**
 * The one place that starts git. Every verb file calls runGit (collect output) or spawnGit (stream it);
 * both add the hardening arguments and environment, and turn failures into GitError.
 */
export interface GitRunOptions {
  /** The repository: passed as --git-dir, so git never searches upwards or looks at a work tree. */
  gitDir?: string;
  /** Working directory of the process (defaults to gitDir, else the current one). */
  cwd?: string;
  input?: string | Buffer;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Exit codes that mean success for this verb (e.g. 1 for `merge-base --is-ancestor` = "no"). */
  okExitCodes?: readonly number[];
  /** Extra environment (credential plumbing); never logged. */
  env?: Record<string, string>;
  /** Stop and fail when stdout grows beyond this many bytes. */
  maxStdoutBytes?: number;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const STDERR_LIMIT = 64 * 1024;

export function gitCommandLine(args: readonly string[], gitDir?: string): string[] {
  return [...hardeningArguments(), ...(gitDir ? [`--git-dir=${gitDir}`] : []), ...args];
}

export function spawnGit(args: readonly string[], options: GitRunOptions = {}): ChildProcess {
  return spawn('git', gitCommandLine(args, options.gitDir), {
    cwd: options.cwd ?? options.gitDir,
    env: hardenedGitEnvironment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

export function runGit(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const okExitCodes = options.okExitCodes ?? [0];
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new GitError('cancelled', args, null, 'cancelled before start'));
      return;
    }
    const child = spawnGit(args, options);
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: GitError | undefined;

    const stop = (error: GitError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(new GitError('timeout', args, null, `no answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`)),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const onAbort = () => stop(new GitError('cancelled', args, null, 'cancelled'));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (options.maxStdoutBytes !== undefined && stdoutBytes > options.maxStdoutBytes) {
        stop(new GitError('failed', args, null, `output larger than ${options.maxStdoutBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
    });
    child.stdin!.on('error', () => {
      // git may exit before reading all input (e.g. on a bad argument); the exit code tells the story.
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      stop(new GitError(error.code === 'ENOENT' ? 'git-missing' : 'failed', args, null, error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure) return reject(failure);
      const exitCode = code ?? -1;
      if (!okExitCodes.includes(exitCode)) {
        return reject(new GitError(classifyGitFailure(stderr), args, exitCode, stderr));
      }
      resolve({ stdout: Buffer.concat(chunks), stderr, exitCode });
    });

    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
  });
}
