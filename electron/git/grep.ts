import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { GitError, classifyGitFailure } from './git-error.js';
import { spawnGit } from './runner.js';

export interface GrepQuery {
  pattern: string;
  /** POSIX extended (`-E`); otherwise fixed text (`-F`). */
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
  /** Complete pathspecs, magic included; the caller builds them from checked globs. */
  pathspecs: readonly string[];
}

/** One matching line as git reports it. */
export interface GrepLine {
  path: string;
  line: number;
  /** 1-based byte offset of the first match in the line. */
  byteColumn: number;
  /** The line's raw bytes without its line feed; a view of git's output, valid during the callback only. */
  text: Buffer;
}

/** The search itself was refused by git: a regular expression it cannot compile, or a path it rejects. */
export class InvalidGrepInput extends Error {
  constructor(
    readonly kind: 'pattern' | 'pathspec',
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'InvalidGrepInput';
  }
}

export function grepArguments(revision: string, query: GrepQuery): string[] {
  return [
    'grep', '--null', '--line-number', '--column', '-I', '--full-name', '--no-textconv', '--no-color',
    query.regex ? '-E' : '-F',
    ...(query.caseSensitive ? [] : ['-i']),
    ...(query.wholeWord ? ['-w'] : []),
    // -e: a pattern starting with "-" is still a pattern, never an option.
    '-e', query.pattern,
    revision, '--', ...query.pathspecs,
  ];
}

export interface GrepRunOptions {
  /** Cancellation: the promise rejects with a GitError of kind 'cancelled'. */
  signal?: AbortSignal;
  /** Ends the search quietly (enough was found elsewhere): the promise resolves with stopped = true. */
  until?: AbortSignal;
}

/**
 * `git grep` over a commit or tree object (never a checkout), streamed: `onLine` sees each matching line as
 * git prints it and returns false to stop early. Exit 1 (nothing matched) is success.
 */
export function grepRevision(gitDir: string, revision: string, query: GrepQuery, onLine: (line: GrepLine) => boolean, options: GrepRunOptions = {}): Promise<{ stopped: boolean }> {
  const args = grepArguments(revision, query);
  return new Promise((resolve, reject) => {
    // A UTF-8 locale (messages stay English) so -i folds Cyrillic and Kazakh letters, not only ASCII.
    const child = spawnGit(args, { gitDir, env: { LC_ALL: 'C.UTF-8' } });
    const parser = new GrepOutputParser(revision);
    let stopped = false;
    let failure: Error | null = null;
    let stderr = '';
    const stop = () => {
      stopped = true;
      child.kill('SIGKILL');
    };
    const onAbort = () => {
      failure ??= new GitError('cancelled', args, null, 'cancelled');
      child.kill('SIGKILL');
    };
    if (options.signal?.aborted) onAbort();
    if (options.until?.aborted) stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    options.until?.addEventListener('abort', stop, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (stopped || failure) return;
      try {
        if (!parser.push(chunk, onLine)) stop();
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
        child.kill('SIGKILL');
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= new GitError(error.code === 'ENOENT' ? 'git-missing' : 'failed', args, null, error.message);
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      options.until?.removeEventListener('abort', stop);
      if (failure) return reject(failure);
      if (stopped) return resolve({ stopped: true });
      if (code !== 0 && code !== 1) return reject(refusal(stderr) ?? new GitError(classifyGitFailure(stderr), args, code, stderr));
      if (!parser.finished()) return reject(new GitError('failed', args, code, 'git grep output ended inside a record'));
      resolve({ stopped: false });
    });
    child.stdin!.end();
  });
}

/** Git's words when the pattern or a pathspec is at fault (`fatal: -e option, '(': Unmatched ( or \(`). */
function refusal(stderr: string): InvalidGrepInput | null {
  const fatal = stderr.split('\n').find((l) => l.startsWith('fatal: '));
  if (!fatal) return null;
  if (/^fatal: (?:-e option|command line), '/.test(fatal)) {
    const reasonAt = fatal.lastIndexOf("': ");
    return new InvalidGrepInput('pattern', reasonAt === -1 ? fatal.slice(7) : fatal.slice(reasonAt + 3));
  }
  if (/pathspec|Invalid path|outside repository/i.test(fatal)) return new InvalidGrepInput('pathspec', fatal.slice(7));
  return null;
}

/**
 * `<revision>:<path> NUL <line> NUL <column> NUL <text> LF`, repeated. The path may hold any byte but NUL
 * (a line feed included), the text any byte but LF (a NUL past git's binary sniffing included), so records
 * are cut at NULs first and the text at the next LF.
 */
export class GrepOutputParser {
  /** Bytes of an unfinished record, as received: joined only once a line feed arrives, so a 100 MB line is copied once, not per chunk. */
  private pending: Buffer[] = [];
  private readonly prefixLength: number;
  private lastPathBytes: Buffer = Buffer.alloc(0);
  private lastPath = '';

  constructor(private readonly revision: string) {
    this.prefixLength = Buffer.byteLength(revision) + 1;
  }

  /** Feed a chunk; returns false as soon as `onLine` asks to stop. */
  push(chunk: Buffer, onLine: (line: GrepLine) => boolean): boolean {
    if (this.pending.length > 0 && chunk.indexOf(0x0a) === -1) {
      this.pending.push(chunk);
      return true;
    }
    const data = this.pending.length === 0 ? chunk : Buffer.concat([...this.pending, chunk]);
    this.pending = [];
    let i = 0;
    for (;;) {
      const nul1 = data.indexOf(0, i);
      if (nul1 === -1) break;
      const nul2 = data.indexOf(0, nul1 + 1);
      if (nul2 === -1) break;
      const nul3 = data.indexOf(0, nul2 + 1);
      if (nul3 === -1) break;
      const lf = data.indexOf(0x0a, nul3 + 1);
      if (lf === -1) break;
      const line = { path: this.pathOf(data, i, nul1), line: digits(data, nul1 + 1, nul2), byteColumn: digits(data, nul2 + 1, nul3), text: data.subarray(nul3 + 1, lf) };
      i = lf + 1;
      if (!onLine(line)) return false;
    }
    if (i < data.length) this.pending.push(Buffer.from(data.subarray(i)));
    return true;
  }

  finished(): boolean {
    return this.pending.length === 0;
  }

  /** Consecutive lines come from the same file: its name is decoded once. */
  private pathOf(data: Buffer, start: number, end: number): string {
    const bytes = data.subarray(start + this.prefixLength, end);
    if (bytes.equals(this.lastPathBytes)) return this.lastPath;
    if (data.toString('latin1', start, start + this.prefixLength) !== `${this.revision}:`) {
      throw new GitError('failed', ['grep'], null, `unexpected git grep record: ${data.toString('latin1', start, Math.min(end, start + 80))}`);
    }
    this.lastPathBytes = Buffer.from(bytes);
    this.lastPath = decodePathBytes(bytes);
    return this.lastPath;
  }
}

function digits(data: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = data[i]! - 0x30;
    if (d < 0 || d > 9 || end - start > 12) throw new GitError('failed', ['grep'], null, 'malformed git grep record: a line or column is not a number');
    value = value * 10 + d;
  }
  if (end === start) throw new GitError('failed', ['grep'], null, 'malformed git grep record: an empty line or column');
  return value;
}
