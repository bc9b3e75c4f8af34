import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The worker's code, as a script (no file to bundle or find): it verifies Ed25519 signatures in batches,
 * each key turned into a KeyObject once, and answers with the indexes of those that do not verify.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map();
parentPort.on('message', ({ batch, jobs }) => {
  const failed = [];
  for (const [index, rawKey, bytes, signature] of jobs) {
    let ok = false;
    try {
      let key = keys.get(rawKey);
      if (!key) {
        key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(rawKey, 'base64')]), format: 'der', type: 'spki' });
        keys.set(rawKey, key);
      }
      ok = verify(null, bytes, key, signature);
    } catch {
      ok = false;
    }
    if (!ok) failed.push(index);
  }
  parentPort.postMessage({ batch, failed });
});
`;

const BATCH = 256;

type Job = [index: number, rawKey: string, bytes: Uint8Array, signature: Uint8Array];

/**
 * Ed25519 checks on worker threads, one per core, while the caller goes on (`audit verify` replays the
 * projections meanwhile). Jobs are sent in batches; `failures()` waits for every answer.
 */
export class SignatureWorkers {
  private readonly workers: Worker[];
  private pending: Job[] = [];
  private readonly answers: Array<Promise<number[]>> = [];
  private next = 0;
  private batches = 0;
  private readonly waiting = new Map<number, { resolve: (failed: number[]) => void; reject: (error: Error) => void }>();
  private done = 0;

  constructor(threads = Math.max(1, Math.min(4, availableParallelism()))) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', ({ batch, failed }: { batch: number; failed: number[] }) => {
        this.done++;
        this.waiting.get(batch)?.resolve(failed);
        this.waiting.delete(batch);
      });
      worker.on('error', (error) => {
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** Queue one check; `index` is the caller's own number for it, returned by `failures()` if it fails. */
  add(index: number, rawKeyBase64: string, bytes: Buffer, signature: Buffer): void {
    this.pending.push([index, rawKeyBase64, bytes, signature]);
    if (this.pending.length >= BATCH) this.send();
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
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(): void {
    if (this.pending.length === 0) return;
    const jobs = this.pending;
    this.pending = [];
    const batch = this.batches++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    const answer = new Promise<number[]>((resolve, reject) => this.waiting.set(batch, { resolve, reject }));
    // Awaited by failures(); a worker that fails before then must not be an unhandled rejection.
    answer.catch(() => undefined);
    this.answers.push(answer);
    worker.postMessage({ batch, jobs });
  }
}
