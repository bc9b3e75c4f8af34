import { displayPath, fileModeFromPermissions, type EscrowTreeMode } from '../../../shared/domain/escrow-tree-digest.js';
import { classifyGitFailure, GitError } from '../../git/git-error.js';
import { spawnGit } from '../../git/runner.js';

export interface TreeListingEntry {
  mode: EscrowTreeMode;
  oid: string;
  /** Blob size; 0 for gitlinks. */
  size: number;
  /** Raw path bytes: the digest needs them exactly, not as decoded text. */
  pathBytes: Buffer;
}

/**
 * Every non-tree entry of a tree, recursively, with blob sizes (so big blobs can be streamed, not buffered),
 * handed over as git prints them: reading blobs starts while the listing is still running.
 */
export function streamTreeListing(gitDir: string, treeOid: string, onEntry: (entry: TreeListingEntry) => void, signal?: AbortSignal): Promise<void> {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', treeOid];
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, { gitDir });
    let rest: Buffer = Buffer.alloc(0);
    let stderr = '';
    let failure: Error | null = null;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill();
    };
    const onAbort = () => stop(new GitError('cancelled', args, null, 'cancelled'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (failure) return;
      const data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
      const end = data.lastIndexOf(0) + 1;
      try {
        for (const entry of parseLongTreeListing(data.subarray(0, end))) onEntry(entry);
      } catch (error) {
        stop(error instanceof Error ? error : new Error(String(error)));
      }
      rest = data.subarray(end);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => stop(new GitError(error.code === 'ENOENT' ? 'git-missing' : 'failed', args, null, error.message)));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (failure) return reject(failure);
      if (code !== 0) return reject(new GitError(classifyGitFailure(stderr), args, code, stderr));
      if (rest.length > 0) return reject(new GitError('failed', args, code, 'ls-tree output ended inside a record'));
      resolve();
    });
    child.stdin!.end();
  });
}

/**
 * `<mode> SP <type> SP <oid> SP+ <size or -> TAB <path> NUL`, repeated. Git already canonicalises modes
 * while reading trees (100664 → 100644); the owner execute bit decides again here, as the format says.
 */
export function parseLongTreeListing(output: Buffer): TreeListingEntry[] {
  const entries: TreeListingEntry[] = [];
  let i = 0;
  while (i < output.length) {
    const nul = output.indexOf(0x00, i);
    const end = nul === -1 ? output.length : nul;
    const tab = output.indexOf(0x09, i);
    if (tab === -1 || tab > end) throw new GitError('failed', ['ls-tree'], null, `malformed ls-tree output at byte ${i}`);
    const meta = output.subarray(i, tab).toString('latin1');
    const [modeText = '', type = '', oid = '', sizeText = ''] = meta.split(/ +/);
    const pathBytes = Buffer.from(output.subarray(tab + 1, end));
    i = end + 1;
    if (type === 'tree') continue;
    if (type === 'commit') entries.push({ mode: '160000', oid, size: 0, pathBytes });
    // ls-tree -l prints BAD as the size of a blob the repository does not have.
    else if (type === 'blob' && sizeText === 'BAD') throw new GitError('corrupt', ['ls-tree'], null, `blob ${oid} at "${displayPath(pathBytes)}" is missing`);
    else if (type === 'blob' && /^\d+$/.test(sizeText)) {
      const mode = modeText === '120000' ? '120000' : fileModeFromPermissions(parseInt(modeText, 8));
      entries.push({ mode, oid, size: Number(sizeText), pathBytes });
    } else throw new GitError('failed', ['ls-tree'], null, `malformed ls-tree record: ${meta.slice(0, 120)}`);
  }
  return entries;
}
