import { spawnGit } from './runner.js';
import { GitError } from './git-error.js';

/**
 * The first `limit` bytes of a blob without holding the whole object in memory: for files too large to
 * pass through the shared object reader (a vendor may deposit a 200 MB file).
 */
export function readBlobPrefix(gitDir: string, oid: string, limit: number): Promise<Buffer> {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new GitError('bad-revision', ['cat-file'], null, 'not an object id'));
  return new Promise((resolve, reject) => {
    const child = spawnGit(['cat-file', 'blob', oid], { gitDir });
    const chunks: Buffer[] = [];
    let length = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      if (done) return;
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) {
        finish();
        child.kill();
      }
    });
    child.on('error', (error) => {
      if (!done) {
        done = true;
        reject(new GitError('failed', ['cat-file', 'blob'], null, error.message));
      }
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
