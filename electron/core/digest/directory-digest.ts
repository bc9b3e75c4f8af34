import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { displayPath, fileModeFromPermissions } from '../../../shared/domain/escrow-tree-digest.js';
import { decodePathBytes } from '../../../shared/domain/path-bytes.js';
import { AppError } from '../../../shared/errors.js';
import { mapWithLimit } from '../concurrency.js';
import { finishTreeDigest, sha256Hex, type DigestedFile, type TreeDigest } from './digested-file.js';

interface FoundEntry {
  full: Buffer;
  relative: Buffer;
  symlink: boolean;
}

const SLASH = Buffer.from('/');
const DOT_GIT = Buffer.from('.git');
const PARALLEL_READS = 8;
/** Nothing needs a file's whole content here: all but small files stream, so parallel reads stay small. */
const STREAM_ABOVE = 4 * 1024 * 1024;

/**
 * The escrow-tree-v1 digest of a folder on disk, so the deployment team needs no git. Entries named `.git`
 * are skipped (git can never track them); symlinks are digested by their target, never followed. A plain
 * folder cannot hold a gitlink, so a tree with submodules never matches its folder digest.
 */
export async function digestDirectory(root: string): Promise<TreeDigest> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat) throw new AppError('NOT_FOUND', 'error.digest.pathMissing', { path: root });
  if (!stat.isDirectory()) throw new AppError('INVALID_INPUT', 'error.digest.notADirectory', { path: root });
  const found: FoundEntry[] = [];
  await walk(Buffer.from(path.resolve(root)), Buffer.alloc(0), found);
  const files = await mapWithLimit(found, PARALLEL_READS, (entry) => digestEntry(entry));
  return finishTreeDigest(files);
}

async function walk(dir: Buffer, relative: Buffer, found: FoundEntry[]): Promise<void> {
  const entries = await fs.readdir(dir, { encoding: 'buffer', withFileTypes: true }).catch((error: unknown) => unreadable(dir, error));
  for (const entry of entries) {
    if (entry.name.equals(DOT_GIT)) continue;
    const full = Buffer.concat([dir, SLASH, entry.name]);
    const rel = relative.length === 0 ? entry.name : Buffer.concat([relative, SLASH, entry.name]);
    if (entry.isDirectory()) await walk(full, rel, found);
    else if (entry.isFile() || entry.isSymbolicLink()) found.push({ full, relative: rel, symlink: entry.isSymbolicLink() });
    else throw new AppError('INVALID_INPUT', 'error.digest.specialFile', { path: displayPath(full) });
  }
}

async function digestEntry(entry: FoundEntry): Promise<DigestedFile> {
  const common = { path: decodePathBytes(entry.relative), pathBytes: entry.relative, oid: '' };
  if (entry.symlink) {
    const target = await fs.readlink(entry.full, { encoding: 'buffer' }).catch((error: unknown) => unreadable(entry.full, error));
    return { ...common, mode: '120000', size: target.length, sha256: sha256Hex(target) };
  }
  // A file swapped after the listing is refused, not followed (O_NOFOLLOW) nor waited on (O_NONBLOCK: a FIFO).
  const handle = await fs.open(entry.full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: unknown) => unreadable(entry.full, error));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', 'error.digest.specialFile', { path: displayPath(entry.full) });
    const mode = fileModeFromPermissions(stat.mode);
    if (stat.size <= STREAM_ABOVE) {
      const content = await handle.readFile();
      return { ...common, mode, size: content.length, sha256: sha256Hex(content) };
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { ...common, mode, size, sha256: hash.digest('hex') };
  } catch (error) {
    return unreadable(entry.full, error);
  } finally {
    await handle.close();
  }
}

function unreadable(full: Buffer, error: unknown): never {
  if (error instanceof AppError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'error.digest.pathMissing', { path: displayPath(full) });
  throw new AppError('INVALID_INPUT', 'error.digest.unreadable', { path: displayPath(full), detail: code ?? String(error) });
}
