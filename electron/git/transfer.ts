import { simpleGit } from 'simple-git';
import { hardenedGitEnvironment, HARDENING_CONFIG } from './environment.js';
import { GitError, classifyGitFailure } from './git-error.js';
import { parseProgress } from './progress-parser.js';

export interface TransferProgress {
  phase: string;
  completed: number | null;
  total: number | null;
  bytes: number | null;
}

export interface TransferOptions {
  /** Where git runs (a mirror for fetch; any existing folder for clone). */
  cwd: string;
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
  /** Credential plumbing (GIT_ASKPASS and friends); never logged. */
  env?: Record<string, string>;
  /** Kill git when it has been silent this long (an unreachable remote). */
  idleTimeoutMs?: number;
  stdin?: string;
}

/** Progress is reported at most this often, and on every change of phase. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Callers put `--progress` before any `--` themselves: simple-git appends it at the very end otherwise,
 * where git would take it for a positional argument.
 *
 * Runs a network-facing git command (clone, fetch) through simple-git, which gives progress and abort.
 * Its safety guard is told that our hardening settings (hooks path, protocol allow-list, …) are intended;
 * the vendor URL only ever arrives as a positional argument after validation.
 */
export async function runTransfer(args: readonly string[], options: TransferOptions): Promise<void> {
  const env = hardenedGitEnvironment(options.env);
  let current: TransferProgress = { phase: 'connecting', completed: null, total: null, bytes: null };
  let lastEmit = 0;
  const emit = (next: TransferProgress) => {
    const now = Date.now();
    const phaseChanged = next.phase !== current.phase;
    current = { ...next, bytes: next.bytes ?? (phaseChanged ? null : current.bytes) };
    if (phaseChanged || now - lastEmit >= PROGRESS_INTERVAL_MS) {
      lastEmit = now;
      options.onProgress?.(current);
    }
  };

  const git = simpleGit({
    baseDir: options.cwd,
    config: [...HARDENING_CONFIG],
    abort: options.signal,
    timeout: { block: options.idleTimeoutMs ?? 5 * 60_000, stdErr: true, stdOut: true },
    allowEnvironment: Object.keys(env),
    input: options.stdin === undefined ? undefined : () => options.stdin,
    unsafe: {
      allowUnsafeHooksPath: true,
      allowUnsafeFsMonitor: true,
      allowUnsafeProtocolOverride: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeConfigPaths: true,
      allowUnsafeAskPass: true,
      allowUnsafeSshCommand: true,
      allowUnsafeTemplateDir: true,
      allowUnsafeConfigEnvCount: true,
    },
  })
    .env(env)
    .outputHandler((_command, _stdout, stderr) => {
      stderr.on('data', (chunk: Buffer) => {
        for (const update of parseProgress(chunk.toString('utf8'))) emit(update);
      });
    });

  options.onProgress?.(current);
  try {
    await git.raw([...args]);
  } catch (error) {
    if (options.signal?.aborted) throw new GitError('cancelled', args, null, 'cancelled');
    const text = error instanceof Error ? error.message : String(error);
    if (/block timeout reached/i.test(text)) throw new GitError('timeout', args, null, text);
    throw new GitError(classifyGitFailure(text), args, null, text);
  }
}
