import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import { AppError } from '../../../shared/errors.js';
import { CatFileBatch, type GitObject } from '../../git/cat-file-batch.js';
import { classifyGitFailure, GitError } from '../../git/git-error.js';
import { spawnGit } from '../../git/runner.js';
import { IN_MEMORY_LIMIT, sha256Hex } from './digested-file.js';

export interface BlobToHash {
  oid: string;
  size: number;
  /** Where the blob is used, for error messages. */
  path: string;
}

/** `content` is null for blobs above IN_MEMORY_LIMIT, which were streamed. */
export type BlobHashed<T> = (blob: T, sha256: string, content: Buffer | null) => void;

/** Calls `enqueue` for each blob to hash (each once) and settles when there are no more; stops on `signal`. */
export type BlobProducer<T> = (enqueue: (blob: T) => void, signal: AbortSignal) => Promise<void>;

const OBJECT_ID = /^[0-9a-f]{40,64}$/;
/** Requests each reader keeps in flight, so git never waits for the next command. */
const WINDOW = 32;

/**
 * Hash blobs as `produce` hands them over, spread over 2–4 persistent `cat-file --batch-command` readers
 * taking work from one queue; blobs above IN_MEMORY_LIMIT stream through their own `cat-file blob`.
 */
export async function hashBlobs<T extends BlobToHash>(gitDir: string, produce: BlobProducer<T>, hashed: BlobHashed<T>, signal?: AbortSignal): Promise<void> {
  const readers = Array.from({ length: Math.min(4, Math.max(2, os.availableParallelism())) }, () => new CatFileBatch(gitDir));
  const streams = new Set<ChildProcess>();
  const producer = new AbortController();
  const queue: T[] = [];
  let head = 0;
  let produced = false;
  let stopped = false;
  let wake: Array<() => void> = [];
  const wakeAll = () => {
    const waiting = wake;
    wake = [];
    for (const resume of waiting) resume();
  };
  const stop = () => {
    stopped = true;
    producer.abort();
    for (const reader of readers) reader.close();
    for (const child of streams) child.kill();
    wakeAll();
  };
  signal?.addEventListener('abort', stop, { once: true });

  const nextBlob = async (): Promise<T | null> => {
    while (head >= queue.length && !produced && !stopped) await new Promise<void>((resume) => wake.push(resume));
    // A closed reader would start a new git process on the next request: stop asking once anything failed.
    if (stopped) throw new GitError('cancelled', ['cat-file'], null, 'cancelled');
    return head < queue.length ? queue[head++]! : null;
  };

  const work = async (reader: CatFileBatch) => {
    const inFlight: Promise<void>[] = [];
    for (let blob = await nextBlob(); blob !== null; blob = await nextBlob()) {
      const current = blob;
      if (!OBJECT_ID.test(current.oid)) throw new GitError('corrupt', ['cat-file'], null, `not an object id: ${current.oid.slice(0, 80)}`);
      const done =
        current.size > IN_MEMORY_LIMIT
          ? streamBlob(gitDir, current, streams).then((sha256) => hashed(current, sha256, null))
          : reader.contents(current.oid).then((object) => {
              const data = checkedContent(gitDir, current, object);
              hashed(current, sha256Hex(data), data);
            });
      // Awaited in order below; this only keeps an early failure from counting as unhandled meanwhile.
      done.catch(() => undefined);
      inFlight.push(done);
      if (inFlight.length >= WINDOW) await inFlight.shift();
    }
    for (const done of inFlight) await done;
  };

  const enqueue = (blob: T) => {
    queue.push(blob);
    wake.shift()?.();
  };
  const production = produce(enqueue, producer.signal).finally(() => {
    produced = true;
    wakeAll();
  });
  try {
    await Promise.all([production, ...readers.map(work)]);
  } catch (error) {
    stop();
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    for (const reader of readers) reader.close();
  }
}

function checkedContent(gitDir: string, blob: BlobToHash, object: GitObject | null): Buffer {
  if (!object || object.type !== 'blob') throw new AppError('INTEGRITY', 'error.digest.objectMissing', { repo: gitDir, oid: blob.oid, path: blob.path });
  if (object.data.length !== blob.size) throw new GitError('corrupt', ['cat-file'], null, `blob ${blob.oid} has ${object.data.length} bytes, the tree listing said ${blob.size}`);
  return object.data;
}

/** A big blob straight from git into the hash, never held whole in memory. */
function streamBlob(gitDir: string, blob: BlobToHash, streams: Set<ChildProcess>): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ['cat-file', 'blob', blob.oid];
    const child = spawnGit(args, { gitDir });
    streams.add(child);
    const sha256 = createHash('sha256');
    let length = 0;
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      sha256.update(chunk);
      length += chunk.length;
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new GitError('failed', args, null, error.message)));
    child.on('close', (code, killedBy) => {
      streams.delete(child);
      if (code === 0 && length === blob.size) return resolve(sha256.digest('hex'));
      if (killedBy !== null) return reject(new GitError('cancelled', args, null, 'cancelled'));
      reject(new GitError(code === 0 ? 'corrupt' : classifyGitFailure(stderr), args, code, stderr || `read ${length} of ${blob.size} bytes of blob ${blob.oid}`));
    });
    child.stdin!.end();
  });
}
