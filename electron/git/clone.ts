import path from 'node:path';
import { MIRROR_CONFIG } from './repository-setup.js';
import { runTransfer, type TransferOptions } from './transfer.js';

export interface CloneOptions extends Omit<TransferOptions, 'cwd' | 'stdin'> {
  /** Already validated by the caller: an https/ssh/file URL or an absolute local path. */
  source: string;
  /** A folder that does not exist yet. */
  target: string;
}

/**
 * A first, complete copy of a vendor repository: every ref, written as one packed-refs file. --no-local
 * makes a local source go through the pack protocol too, so the mirror never shares (hard-links) object
 * files with a folder the vendor can still change; --template= installs no sample hooks.
 */
export async function cloneMirror(options: CloneOptions): Promise<void> {
  await runTransfer(
    [
      'clone',
      '--mirror',
      '--no-local',
      '--template=',
      '--no-recurse-submodules',
      // Our mirror settings go into the new repository's config as it is created.
      ...MIRROR_CONFIG.flatMap(([key, value]) => ['--config', `${key}=${value}`]),
      '--progress',
      '--',
      options.source,
      options.target,
    ],
    { ...options, cwd: path.dirname(options.target) },
  );
}
