import { GitError } from './git-error.js';
import { spawnGit } from './runner.js';

export interface BlobSlice {
  data: Buffer;
  /** Line feeds in the bytes before `start`: the first line of the slice is this plus one. */
  newlinesBefore: number;
}

/**
 * Bytes [start, end) of a blob without holding the whole object in memory (a vendor may deposit a
 * 200 MB file): one `git cat-file blob` streamed, the prefix counted for line numbers and dropped.
 */
export function readBlobRange(gitDir: string, oid: string, start: number, end: number): Promise<BlobSlice> {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new GitError('bad-revision', ['cat-file'], null, 'not an object id'));
  return new Promise((resolve, reject) => {
    const child = spawnGit(['cat-file', 'blob', oid], { gitDir });
    const kept: Buffer[] = [];
    let offset = 0;
    let newlinesBefore = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ data: Buffer.concat(kept), newlinesBefore });
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      if (done) return;
      const chunkEnd = offset + chunk.length;
      const before = chunk.subarray(0, Math.max(0, Math.min(chunk.length, start - offset)));
      for (let i = before.indexOf(0x0a); i !== -1; i = before.indexOf(0x0a, i + 1)) newlinesBefore++;
      if (chunkEnd > start) kept.push(chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset)));
      offset = chunkEnd;
      if (offset >= end) {
        finish();
        child.kill();
      }
    });
    child.on('error', (error) => {
      if (done) return;
      done = true;
      reject(new GitError('failed', ['cat-file', 'blob'], null, error.message));
    });
    child.on('close', (code) => {
      if (done) return;
      if (code === 0) finish();
      else {
        done = true;
        reject(new GitError('corrupt', ['cat-file', 'blob'], code, `could not read blob ${oid}`));
      }
    });
    child.stdin!.end();
  });
}
