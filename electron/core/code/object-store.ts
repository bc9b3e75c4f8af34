import { AppError } from '../../../shared/errors.js';
import { CatFileBatch, type GitObject } from '../../git/cat-file-batch.js';
import { parseCommitObject, parseTagObject, parseTreeObject, type CommitHeader, type RawTreeEntry } from '../../git/objects.js';

const TREE_CACHE_LIMIT = 20_000;
const IDLE_CLOSE_MS = 5 * 60_000;
const IN_FLIGHT = 256;

interface Reader {
  batch: CatFileBatch;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Reads objects of the mirrors through one persistent cat-file process per mirror, closed after a while
 * without use. Trees are immutable, so parsed trees are cached by object id across all mirrors.
 */
export class ObjectStore {
  private readonly readers = new Map<string, Reader>();
  private readonly trees = new Map<string, RawTreeEntry[]>();

  async read(gitDir: string, oid: string): Promise<GitObject | null> {
    const reader = this.reader(gitDir);
    try {
      return await reader.batch.contents(oid);
    } finally {
      this.touch(gitDir, reader);
    }
  }

  /**
   * Read many objects with up to IN_FLIGHT requests pipelined through the one reader (one at a time, 20k
   * small blobs cost a round trip each), handing each to `visit` in the order asked.
   */
  async readEach(gitDir: string, oids: readonly string[], visit: (oid: string, object: GitObject | null) => void): Promise<void> {
    for (let i = 0; i < oids.length; i += IN_FLIGHT) {
      const window = oids.slice(i, i + IN_FLIGHT);
      const objects = await Promise.all(window.map((oid) => this.read(gitDir, oid)));
      window.forEach((oid, k) => visit(oid, objects[k] ?? null));
    }
  }

  async info(gitDir: string, oid: string) {
    const reader = this.reader(gitDir);
    try {
      return await reader.batch.info(oid);
    } finally {
      this.touch(gitDir, reader);
    }
  }

  async readTree(gitDir: string, oid: string): Promise<RawTreeEntry[]> {
    const cached = this.trees.get(oid);
    if (cached) return cached;
    const object = await this.read(gitDir, oid);
    if (!object || object.type !== 'tree') throw corrupt(oid, 'tree');
    const entries = parseTreeObject(object.data, oid.length / 2);
    if (this.trees.size >= TREE_CACHE_LIMIT) this.trees.delete(this.trees.keys().next().value!);
    this.trees.set(oid, entries);
    return entries;
  }

  async readCommit(gitDir: string, oid: string): Promise<CommitHeader> {
    const object = await this.read(gitDir, oid);
    if (!object || object.type !== 'commit') throw corrupt(oid, 'commit');
    return parseCommitObject(object.data);
  }

  /** Follow annotated tags down to the commit they name; null when the chain ends in something else. */
  async peelToCommit(gitDir: string, oid: string): Promise<string | null> {
    let current = oid;
    for (let depth = 0; depth < 16; depth++) {
      const object = await this.read(gitDir, current);
      if (!object) return null;
      if (object.type === 'commit') return object.oid;
      if (object.type !== 'tag') return null;
      current = parseTagObject(object.data).object;
    }
    return null;
  }

  close(): void {
    for (const reader of this.readers.values()) {
      if (reader.idleTimer) clearTimeout(reader.idleTimer);
      reader.batch.close();
    }
    this.readers.clear();
  }

  private reader(gitDir: string): Reader {
    let reader = this.readers.get(gitDir);
    if (!reader) {
      reader = { batch: new CatFileBatch(gitDir), idleTimer: null };
      this.readers.set(gitDir, reader);
    }
    if (reader.idleTimer) {
      clearTimeout(reader.idleTimer);
      reader.idleTimer = null;
    }
    return reader;
  }

  private touch(gitDir: string, reader: Reader): void {
    if (reader.idleTimer) clearTimeout(reader.idleTimer);
    reader.idleTimer = setTimeout(() => {
      this.readers.delete(gitDir);
      reader.batch.close();
    }, IDLE_CLOSE_MS);
    reader.idleTimer.unref();
  }
}

function corrupt(oid: string, expected: string): AppError {
  return new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid, type: expected });
}
