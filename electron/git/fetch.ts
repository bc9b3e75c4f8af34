import { runTransfer, type TransferOptions } from './transfer.js';

export type { TransferProgress as FetchProgress } from './transfer.js';

export interface FetchOptions extends Omit<TransferOptions, 'cwd' | 'stdin'> {
  gitDir: string;
  /** Already validated by the caller: an https/ssh/file URL or an absolute local path. */
  source: string;
  /** Refspecs, given to git on stdin so thousands of them fit on any platform. */
  refspecs: readonly string[];
}

/** Fetch the named refs of a vendor remote into a bare mirror (objects and the refs the refspecs name). */
export async function fetchIntoMirror(options: FetchOptions): Promise<void> {
  if (options.refspecs.length === 0) return;
  await runTransfer(
    [
      `--git-dir=${options.gitDir}`,
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      '--no-recurse-submodules',
      '--no-auto-gc',
      '--no-auto-maintenance',
      '--progress',
      '--stdin',
      '--',
      options.source,
    ],
    { ...options, cwd: options.gitDir, stdin: `${options.refspecs.join('\n')}\n` },
  );
}
