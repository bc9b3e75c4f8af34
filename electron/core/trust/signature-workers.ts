import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ed25519Engine, sodiumEntry, type Ed25519Engine, type VerifyingKey } from './ed25519.js';

/**
 * The worker's code, as a script (no file to bundle or find). It checks the Ed25519 equation for a batch
 * packed into one transferred buffer (the caller has already refused weak keys and signatures), by
 * libsodium loaded from the same file as the main thread's, or by node:crypto where that does not load,
 * and answers with the job numbers that do not verify.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
let sodium = null;
try {
  if (workerData.sodium) sodium = require(workerData.sodium);
} catch {
  sodium = null;
}
const keys = new Map();
parentPort.on('message', ({ batch, newKeys, data, jobs }) => {
  for (const [id, raw] of newKeys) {
    const bytes = Buffer.from(raw);
    keys.set(id, { raw: bytes, object: sodium ? null : createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' }) });
  }
  const all = Buffer.from(data);
  const table = new Int32Array(jobs);
  const failed = [];
  for (let i = 0; i < table.length; i += 4) {
    const start = table[i + 2], length = table[i + 3];
    const message = all.subarray(start, start + length);
    const signature = all.subarray(start + length, start + length + 64);
    const key = keys.get(table[i + 1]);
    let ok = false;
    try {
      ok = sodium ? sodium.crypto_sign_verify_detached(signature, message, key.raw) : verify(null, message, key.object, signature);
    } catch {
      ok = false;
    }
    if (!ok) failed.push(table[i]);
  }
  parentPort.postMessage({ batch, failed });
});
`;

const BATCH = 256;

interface PendingBatch {
  jobs: number[];
  /** The messages and signatures, one after another, written straight into the buffer that is moved. */
  data: Buffer;
  bytes: number;
  keys: Set<number>;
}

/**
 * Ed25519 checks on worker threads, one per core, while the caller goes on (`audit verify` replays the
 * projections meanwhile). Jobs are sent in batches, each packed into one buffer that is moved, not copied,
 * to its worker; `failures()` waits for every answer.
 */
export class SignatureWorkers {
  private readonly workers: Array<{ worker: Worker; knownKeys: Set<number> }>;
  private pending = emptyBatch();
  private readonly keyIds = new WeakMap<VerifyingKey, number>();
  private readonly keyBytes: Buffer[] = [];
  private readonly answers: Array<Promise<number[]>> = [];
  private next = 0;
  private batches = 0;
  private readonly waiting = new Map<number, { resolve: (failed: number[]) => void; reject: (error: Error) => void }>();
  private done = 0;

  constructor(threads = Math.max(1, Math.min(4, availableParallelism())), engine: Ed25519Engine = ed25519Engine()) {
    const workerData = { sodium: engine === 'libsodium' ? sodiumEntry() : null };
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
      worker.on('message', ({ batch, failed }: { batch: number; failed: number[] }) => {
        this.done++;
        this.waiting.get(batch)?.resolve(failed);
        this.waiting.delete(batch);
      });
      worker.on('error', (error) => {
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
      return { worker, knownKeys: new Set<number>() };
    });
  }

  /**
   * Queue one check of `message` (bytes, or text meant as its UTF-8); `index` is the caller's own number for
   * it, returned by `failures()` if it fails.
   */
  add(index: number, key: VerifyingKey, message: Uint8Array | string, signature: Uint8Array): void {
    let keyId = this.keyIds.get(key);
    if (keyId === undefined) {
      keyId = this.keyBytes.length;
      this.keyIds.set(key, keyId);
      this.keyBytes.push(key.raw);
    }
    const batch = this.pending;
    const length = typeof message === 'string' ? Buffer.byteLength(message, 'utf8') : message.length;
    if (batch.bytes + length + signature.length > batch.data.length) batch.data = grown(batch.data, batch.bytes + length + signature.length);
    if (typeof message === 'string') batch.data.write(message, batch.bytes, 'utf8');
    else batch.data.set(message, batch.bytes);
    batch.data.set(signature, batch.bytes + length);
    batch.jobs.push(index, keyId, batch.bytes, length);
    batch.bytes += length + signature.length;
    batch.keys.add(keyId);
    if (batch.jobs.length >= BATCH * 4) this.send();
  }

  /** The indexes of the checks that failed, once all are answered; `progress` gets the batches done. */
  async failures(progress: (batchesDone: number, batches: number) => void = () => undefined, signal?: AbortSignal): Promise<number[]> {
    this.send();
    const failed: number[] = [];
    for (const answer of this.answers) {
      signal?.throwIfAborted();
      failed.push(...(await answer));
      progress(this.done, this.batches);
    }
    return failed.sort((a, b) => a - b);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private send(): void {
    const { jobs, data, keys } = this.pending;
    if (jobs.length === 0) return;
    this.pending = emptyBatch();
    const table = Int32Array.from(jobs);
    const batch = this.batches++;
    const target = this.workers[this.next++ % this.workers.length]!;
    const newKeys: Array<[number, Uint8Array]> = [];
    for (const id of keys) {
      if (target.knownKeys.has(id)) continue;
      target.knownKeys.add(id);
      newKeys.push([id, this.keyBytes[id]!]);
    }
    const answer = new Promise<number[]>((resolve, reject) => this.waiting.set(batch, { resolve, reject }));
    // Awaited by failures(); a worker that fails before then must not be an unhandled rejection.
    answer.catch(() => undefined);
    this.answers.push(answer);
    target.worker.postMessage({ batch, newKeys, data: data.buffer, jobs: table.buffer }, [data.buffer as ArrayBuffer, table.buffer]);
  }
}

/** A batch's own buffer (never a slice of Node's shared pool: it is moved to the worker). */
function emptyBatch(): PendingBatch {
  return { jobs: [], data: Buffer.from(new ArrayBuffer(BATCH * 1024)), bytes: 0, keys: new Set() };
}

function grown(data: Buffer, needed: number): Buffer {
  const bigger = Buffer.from(new ArrayBuffer(Math.max(needed, data.length * 2)));
  data.copy(bigger);
  return bigger;
}
