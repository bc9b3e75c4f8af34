import type { ChildProcess } from 'node:child_process';
import { GitError } from './git-error.js';
import { spawnGit } from './runner.js';

export interface ObjectInfo {
  oid: string;
  type: 'blob' | 'tree' | 'commit' | 'tag';
  size: number;
}

export interface GitObject extends ObjectInfo {
  data: Buffer;
}

interface Pending {
  name: string;
  wantContents: boolean;
  resolve(value: GitObject | ObjectInfo | null): void;
  reject(error: Error): void;
}

const OBJECT_NAME = /^[0-9a-f]{4,64}$/;

/**
 * One long-lived `git cat-file --batch-command` per repository: every blob and tree the UI reads goes
 * through it, so opening a file costs a pipe round trip instead of a process start. Only hex object ids
 * are ever written to it, never revision expressions or paths.
 */
export class CatFileBatch {
  private child: ChildProcess | null = null;
  private queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private header: ObjectInfo | null = null;
  /** The object being received: preallocated once its size is known, so big blobs are copied once. */
  private body: { data: Buffer; filled: number } | null = null;
  private stderr = '';

  constructor(private readonly gitDir: string) {}

  info(name: string): Promise<ObjectInfo | null> {
    return this.request(name, false) as Promise<ObjectInfo | null>;
  }

  contents(name: string): Promise<GitObject | null> {
    return this.request(name, true) as Promise<GitObject | null>;
  }

  close(): void {
    const child = this.child;
    this.child = null;
    if (child) {
      child.stdin?.end();
      child.kill();
    }
    this.failAll(new GitError('cancelled', ['cat-file'], null, 'object reader closed'));
  }

  private request(name: string, wantContents: boolean): Promise<GitObject | ObjectInfo | null> {
    if (!OBJECT_NAME.test(name)) {
      return Promise.reject(new GitError('bad-revision', ['cat-file'], null, `not an object id: ${JSON.stringify(name)}`));
    }
    return new Promise((resolve, reject) => {
      const child = this.ensureProcess();
      this.queue.push({ name, wantContents, resolve, reject });
      child.stdin!.write(`${wantContents ? 'contents' : 'info'} ${name}\n`);
    });
  }

  private ensureProcess(): ChildProcess {
    if (this.child) return this.child;
    const child = spawnGit(['cat-file', '--batch-command'], { gitDir: this.gitDir });
    this.child = child;
    this.buffer = Buffer.alloc(0);
    this.header = null;
    this.body = null;
    this.stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      try {
        this.drain();
      } catch (error) {
        this.child = null;
        child.kill();
        this.failAll(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 8192) this.stderr += chunk.toString('utf8');
    });
    child.stdin!.on('error', () => undefined);
    const onGone = (detail: string) => {
      if (this.child !== child) return;
      this.child = null;
      this.failAll(new GitError('failed', ['cat-file', '--batch-command'], null, `${detail} ${this.stderr}`.trim()));
    };
    child.on('error', (error) => onGone(error.message));
    child.on('exit', (code) => onGone(`object reader exited (${code})`));
    return child;
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      if (!this.header) {
        const newline = this.buffer.indexOf(0x0a);
        if (newline === -1) return;
        const line = this.buffer.subarray(0, newline).toString('utf8');
        this.buffer = this.buffer.subarray(newline + 1);
        const parsed = parseHeader(line);
        if (parsed === 'missing') {
          this.queue.shift();
          pending.resolve(null);
          continue;
        }
        if (parsed === 'ambiguous') {
          this.queue.shift();
          pending.reject(new GitError('bad-revision', ['cat-file'], null, `ambiguous object name ${pending.name}`));
          continue;
        }
        if (!pending.wantContents) {
          this.queue.shift();
          pending.resolve(parsed);
          continue;
        }
        this.header = parsed;
      }
      const header = this.header;
      this.body ??= { data: Buffer.allocUnsafe(header.size), filled: 0 };
      const body = this.body;
      const take = Math.min(header.size - body.filled, this.buffer.length);
      this.buffer.copy(body.data, body.filled, 0, take);
      body.filled += take;
      this.buffer = this.buffer.subarray(take);
      // The object is followed by one LF.
      if (body.filled < header.size || this.buffer.length < 1) return;
      this.buffer = this.buffer.subarray(1);
      this.header = null;
      this.body = null;
      this.queue.shift();
      pending.resolve({ ...header, data: body.data });
    }
  }

  private failAll(error: Error): void {
    const queue = this.queue;
    this.queue = [];
    this.header = null;
    this.body = null;
    for (const pending of queue) pending.reject(error);
  }
}

function parseHeader(line: string): ObjectInfo | 'missing' | 'ambiguous' {
  if (line.endsWith(' missing')) return 'missing';
  if (line.endsWith(' ambiguous')) return 'ambiguous';
  const match = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/.exec(line);
  if (!match) throw new GitError('failed', ['cat-file'], null, `unexpected object reader output: ${line.slice(0, 200)}`);
  return { oid: match[1]!, type: match[2] as ObjectInfo['type'], size: Number(match[3]) };
}
