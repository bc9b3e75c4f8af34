import { simpleGit, type SimpleGitProgressEvent } from 'simple-git';
import { hardenedGitEnvironment, HARDENING_CONFIG } from './environment.js';
import { GitError, classifyGitFailure } from './git-error.js';

export interface FetchProgress {
  phase: string;
  completed: number | null;
  total: number | null;
  bytes: number | null;
}

export interface FetchOptions {
  gitDir: string;
  /** Already validated by the caller: an https/ssh/file URL or an absolute local path. */
  source: string;
  refspecs: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
  /** Credential plumbing (GIT_ASKPASS and friends); never logged. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

const BYTES = /(\d+(?:\.\d+)?) (bytes|KiB|MiB|GiB)/;
const UNIT: Record<string, number> = { bytes: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/**
 * Fetch refs from a vendor remote into a bare mirror. simple-git gives us progress and abort; its own
 * safety guard is told that our hardening settings (hooks path, protocol allow-list, …) are intended.
 */
export async function fetchIntoMirror(options: FetchOptions): Promise<void> {
  const env = hardenedGitEnvironment(options.env);
  let lastBytes: number | null = null;
  let lastProgress: SimpleGitProgressEvent | null = null;
  const emit = () =>
    options.onProgress?.({
      phase: lastProgress?.stage ?? 'connecting',
      completed: lastProgress?.processed ?? null,
      total: lastProgress?.total ?? null,
      bytes: lastBytes,
    });

  const git = simpleGit({
    baseDir: options.gitDir,
    config: [...HARDENING_CONFIG],
    abort: options.signal,
    timeout: { block: options.timeoutMs ?? 10 * 60_000, stdErr: true, stdOut: true },
    allowEnvironment: Object.keys(env),
    unsafe: {
      allowUnsafeHooksPath: true,
      allowUnsafeFsMonitor: true,
      allowUnsafeProtocolOverride: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeConfigPaths: true,
      allowUnsafeAskPass: true,
      allowUnsafeSshCommand: true,
    },
    progress(event) {
      lastProgress = event;
      emit();
    },
  })
    .env(env)
    .outputHandler((_command, _stdout, stderr) => {
      stderr.on('data', (chunk: Buffer) => {
        const match = BYTES.exec(chunk.toString('utf8'));
        if (match) {
          lastBytes = Math.round(Number(match[1]) * (UNIT[match[2] ?? 'bytes'] ?? 1));
          emit();
        }
      });
    });

  emit();
  const args = [
    `--git-dir=${options.gitDir}`,
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    '--no-recurse-submodules',
    '--no-auto-gc',
    '--no-auto-maintenance',
    '--quiet',
    options.source,
    ...options.refspecs,
  ];
  try {
    await git.raw(args);
  } catch (error) {
    throw toGitError(error, args, options.signal);
  }
}

function toGitError(error: unknown, args: readonly string[], signal: AbortSignal | undefined): GitError {
  if (signal?.aborted) return new GitError('cancelled', args, null, 'cancelled');
  const text = error instanceof Error ? error.message : String(error);
  if (/block timeout reached/i.test(text)) return new GitError('timeout', args, null, text);
  return new GitError(classifyGitFailure(text), args, null, text);
}
