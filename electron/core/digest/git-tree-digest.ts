import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodePathBytes } from '../../../shared/domain/path-bytes.js';
import { AppError } from '../../../shared/errors.js';
import { GitError } from '../../git/git-error.js';
import { gitFailureToAppError } from '../git-failure.js';
import { finishTreeDigest, type DigestedFile, type TreeDigest } from './digested-file.js';
import { hashBlobs, type BlobProducer } from './git-blob-hashing.js';
import { streamTreeListing } from './tree-listing.js';

export interface GitTreeDigestOptions {
  signal?: AbortSignal;
  /** Content bytes of the distinct blobs hashed so far, of those listed so far (the listing runs ahead). */
  onProgress?(done: number, total: number): void;
  /**
   * Called once per distinct blob (symlink targets included), with the first file (in listing order) that
   * holds it and its full content, when that is at most 32 MiB; bigger blobs are streamed and not shown.
   */
  inspect?(file: DigestedFile, content: Buffer): void;
}

const OBJECT_NAME = /^[0-9a-f]{4,64}$/;

/** The escrow-tree-v1 digest of a tree in a repository (bare or a .git folder), each distinct blob read once. */
export async function digestGitTree(gitDir: string, treeOid: string, options: GitTreeDigestOptions = {}): Promise<TreeDigest> {
  if (!OBJECT_NAME.test(treeOid)) throw new AppError('INVALID_INPUT', 'error.digest.badObjectId', { oid: treeOid.slice(0, 100) });
  const repo = path.resolve(gitDir);
  // git would be started inside the repository; a missing folder would look like a missing git program.
  await fs.stat(repo).catch(() => {
    throw new AppError('NOT_FOUND', 'error.digest.pathMissing', { path: repo });
  });
  const { signal } = options;
  try {
    const files: DigestedFile[] = [];
    const firstByOid = new Map<string, DigestedFile>();
    let total = 0;
    let done = 0;
    const listBlobs: BlobProducer<DigestedFile> = (enqueue, stop) =>
      streamTreeListing(repo, treeOid, (entry) => {
        const file: DigestedFile = { path: decodePathBytes(entry.pathBytes), pathBytes: entry.pathBytes, mode: entry.mode, oid: entry.oid, size: entry.size, sha256: null };
        files.push(file);
        if (file.mode === '160000' || firstByOid.has(file.oid)) return;
        firstByOid.set(file.oid, file);
        total += file.size;
        enqueue(file);
      }, stop);
    const hashed = (file: DigestedFile, sha256: string, content: Buffer | null) => {
      file.sha256 = sha256;
      if (content) options.inspect?.(file, content);
      done += file.size;
      options.onProgress?.(done, total);
    };
    if (signal?.aborted) throw new AppError('CANCELLED', 'error.cancelled');
    await hashBlobs(repo, listBlobs, hashed, signal);
    for (const file of files) if (file.mode !== '160000') file.sha256 = firstByOid.get(file.oid)!.sha256;
    return finishTreeDigest(files);
  } catch (error) {
    throw digestFailure(error, repo, treeOid, signal);
  }
}

function digestFailure(error: unknown, repo: string, tree: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return new AppError('CANCELLED', 'error.cancelled');
  if (!(error instanceof GitError)) return error;
  if (error.kind === 'bad-revision') return new AppError('NOT_FOUND', 'error.digest.treeNotFound', { repo, tree }, { gitKind: error.kind });
  if (error.kind === 'not-a-repository') return new AppError('NOT_FOUND', 'error.digest.notARepository', { repo }, { gitKind: error.kind });
  return gitFailureToAppError(error, repo);
}
