import { MATCHES_PER_FILE, type SearchedRelease, type SearchFile, type SearchMatch, type SearchPage } from '../../../shared/contract/search.js';

/** A matching line as git reported it: raw bytes, kept until someone pages to it. */
export interface RawMatch {
  line: number;
  byteColumn: number;
  text: Buffer;
}

export type MatchDescriber = (line: number, text: Buffer, byteColumn: number) => SearchMatch;

/** Lines longer than this are decoded and cut at once rather than kept whole (a minified bundle's line can be megabytes). */
const RAW_LINE_BYTES = 4096;

/** A file with matches; its lines are decoded the first time a page shows it (most never are). */
interface FoundFile {
  release: SearchedRelease;
  path: string;
  matchCount: number;
  raw: Array<RawMatch | SearchMatch>;
  described: SearchMatch[] | null;
}

/**
 * The results of one search as they arrive. Releases are searched side by side, but files are published in
 * the order of the releases and, within one, in path order (git's order), so the list only ever grows at
 * its end and a face can page through it while the search runs: a release's files wait until every release
 * before it has finished. At most `maxMatches` matching lines are kept, the first ones in that order.
 * Lines stay as git's bytes until a page asks for them: decoding every line of a large result set would
 * cost more than the search itself.
 */
export class SearchRun {
  readonly startedAt = Date.now();
  /** Files with matches found so far: published, waiting, or still being read. */
  filesFound = 0;
  private readonly files: FoundFile[] = [];
  private totalMatches = 0;
  private done = false;
  private truncated = false;
  private parts: ReleaseResults[] = [];
  private head = 0;
  private readonly enough = new AbortController();

  constructor(
    readonly id: string,
    readonly maxMatches: number,
    readonly describe: MatchDescriber,
  ) {}

  /** Aborted once the limit is reached: every release still being searched stops. */
  get full(): AbortSignal {
    return this.enough.signal;
  }

  get releases(): SearchedRelease[] {
    return this.parts.map((p) => p.release);
  }

  begin(releases: readonly SearchedRelease[]): ReleaseResults[] {
    this.parts = releases.map((release, index) => new ReleaseResults(this, index, release));
    this.advance();
    return this.parts;
  }

  /** Called by a release when a file is complete. */
  fileFound(part: ReleaseResults, file: FoundFile): void {
    if (part.index === this.head) this.publish(file);
    else part.waiting.push(file);
  }

  /** Called by a release when its search ended. */
  partFinished(): void {
    this.advance();
  }

  /** The search is over; a cancelled one keeps what it found, which is then not all there is. */
  finish(options: { cancelled?: boolean } = {}): void {
    this.done = true;
    if (options.cancelled) this.truncated = true;
  }

  page(offset: number, limit: number): SearchPage {
    const files = this.files.slice(offset, offset + limit).map((file) => this.shown(file));
    return { done: this.done, totalFiles: this.files.length, totalMatches: this.totalMatches, truncated: this.truncated, files };
  }

  summary(): { totalFiles: number; totalMatches: number; truncated: boolean } {
    return { totalFiles: this.files.length, totalMatches: this.totalMatches, truncated: this.truncated };
  }

  private advance(): void {
    while (this.head < this.parts.length && this.parts[this.head]!.finished) {
      if (this.parts[this.head]!.overflowed) this.stop();
      this.head++;
      const next = this.parts[this.head];
      if (next) for (const file of next.waiting.splice(0)) this.publish(file);
    }
  }

  private shown(file: FoundFile): SearchFile {
    file.described ??= file.raw.map((m) => ('byteColumn' in m ? this.describe(m.line, m.text, m.byteColumn) : m));
    file.raw = [];
    return { ...file.release, path: file.path, matchCount: file.matchCount, matches: file.described };
  }

  private publish(file: FoundFile): void {
    const room = this.maxMatches - this.totalMatches;
    if (room <= 0) return this.stop();
    if (file.matchCount > room) {
      file.matchCount = room;
      file.raw = file.raw.slice(0, room);
      this.stop();
    }
    this.files.push(file);
    this.totalMatches += file.matchCount;
  }

  private stop(): void {
    this.truncated = true;
    this.enough.abort();
  }
}

/** One release's share of a search: its files, collected line by line from git's output. */
export class ReleaseResults {
  readonly waiting: FoundFile[] = [];
  finished = false;
  /** More matching lines than the whole search may keep were seen here. */
  overflowed = false;
  private current: FoundFile | null = null;
  private lines = 0;

  constructor(
    private readonly run: SearchRun,
    readonly index: number,
    readonly release: SearchedRelease,
  ) {}

  /** One matching line; false once this release has given all the search may keep. */
  add(path: string, line: number, byteColumn: number, text: Buffer): boolean {
    if (this.run.full.aborted) return false;
    if (++this.lines > this.run.maxMatches) {
      this.overflowed = true;
      return false;
    }
    if (this.current?.path !== path) {
      this.closeFile();
      this.current = { release: this.release, path, matchCount: 0, raw: [], described: null };
      this.run.filesFound++;
    }
    this.current.matchCount++;
    if (this.current.raw.length < MATCHES_PER_FILE) {
      this.current.raw.push(text.length > RAW_LINE_BYTES ? this.run.describe(line, text, byteColumn) : { line, byteColumn, text: Buffer.from(text) });
    }
    return true;
  }

  finish(): void {
    this.closeFile();
    this.finished = true;
    this.run.partFinished();
  }

  private closeFile(): void {
    if (this.current) this.run.fileFound(this, this.current);
    this.current = null;
  }
}
