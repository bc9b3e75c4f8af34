import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { displayPath, fileModeFromPermissions } from '../../../shared/domain/escrow-tree-digest.js';
import { decodePathBytes } from '../../../shared/domain/path-bytes.js';
import { AppError } from '../../../shared/errors.js';
import { finishTreeDigest, sha256Hex, type DigestedFile, type TreeDigest } from './digested-file.js';
import { readTarEntries, type TarEntry } from './tar-reader.js';

export interface ArchiveDigestOptions {
  /** Leading path segments to drop, as `tar --strip-components` (entries with no more segments are skipped). */
  stripComponents?: number;
}

const SLASH = 0x2f;

/**
 * The escrow-tree-v1 digest of a tar or tar.gz archive (gzip told by its magic bytes), read as a stream.
 * Folders are implied by paths; entries under a `.git` segment are skipped as in a folder walk. An archive
 * cannot hold a gitlink (`git archive` leaves submodules out), so a tree with submodules never matches it.
 */
export async function digestArchive(file: string, options: ArchiveDigestOptions = {}): Promise<TreeDigest> {
  const strip = options.stripComponents ?? 0;
  if (!Number.isInteger(strip) || strip < 0 || strip > 255) throw new AppError('INVALID_INPUT', 'error.digest.badStripComponents', { value: String(strip) });
  const gzip = await startsWithGzipMagic(file);
  const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream: Readable = gzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  try {
    return finishTreeDigest(await collectFiles(readTarEntries(stream, file), strip, file));
  } catch (error) {
    throw archiveFailure(error, file);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

async function collectFiles(entries: AsyncIterable<TarEntry>, strip: number, archive: string): Promise<DigestedFile[]> {
  const files: DigestedFile[] = [];
  const byPath = new Map<string, DigestedFile>();
  for await (const entry of entries) {
    const pathBytes = entryPath(entry.path, strip, entry, archive);
    if (pathBytes === null || entry.kind === 'directory') continue;
    const common = { path: decodePathBytes(pathBytes), pathBytes, oid: '' };
    let file: DigestedFile;
    if (entry.kind === 'symlink') {
      file = { ...common, mode: '120000', size: entry.linkPath.length, sha256: sha256Hex(entry.linkPath) };
    } else if (entry.kind === 'hardlink') {
      const target = entryPath(entry.linkPath, strip, entry, archive);
      const linked = target && byPath.get(target.toString('latin1'));
      if (!linked) throw new AppError('INVALID_INPUT', 'error.digest.archiveLinkMissing', { archive, path: displayPath(entry.path), target: displayPath(entry.linkPath) });
      file = { ...common, mode: linked.mode, size: linked.size, sha256: linked.sha256 };
    } else {
      const hash = createHash('sha256');
      await entry.read((chunk) => void hash.update(chunk));
      file = { ...common, mode: fileModeFromPermissions(entry.mode), size: entry.size, sha256: hash.digest('hex') };
    }
    files.push(file);
    byPath.set(pathBytes.toString('latin1'), file);
  }
  return files;
}

/**
 * The tree path of an entry: `.` and empty segments dropped, absolute paths and `..` refused, `strip`
 * leading segments removed; null when nothing is left or the entry lies under `.git`.
 */
function entryPath(raw: Buffer, strip: number, entry: TarEntry, archive: string): Buffer | null {
  const segments = splitSegments(raw);
  if (raw[0] === SLASH || segments.some((s) => s.equals(DOT_DOT))) {
    throw new AppError('INVALID_INPUT', 'error.digest.archivePathEscapes', { archive, path: displayPath(raw) });
  }
  const kept = segments.filter((s) => s.length > 0 && !s.equals(DOT));
  if (kept.length === 0 && entry.kind !== 'directory') throw new AppError('INVALID_INPUT', 'error.digest.archiveEmptyName', { archive, offset: entry.offset });
  if (kept.length <= strip) return null;
  const tree = kept.slice(strip);
  if (tree.some((s) => s.equals(DOT_GIT))) return null;
  return Buffer.concat(tree.flatMap((s, i) => (i === 0 ? [s] : [SLASH_BYTES, s])));
}

const SLASH_BYTES = Buffer.from('/');
const DOT = Buffer.from('.');
const DOT_DOT = Buffer.from('..');
const DOT_GIT = Buffer.from('.git');

function splitSegments(raw: Buffer): Buffer[] {
  const segments: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== SLASH) continue;
    segments.push(raw.subarray(start, i));
    start = i + 1;
  }
  return segments;
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new AppError('NOT_FOUND', 'error.digest.pathMissing', { path: file })
      : new AppError('INVALID_INPUT', 'error.digest.unreadable', { path: file, detail: error.code ?? error.message });
  });
  try {
    if (!(await handle.stat()).isFile()) throw new AppError('INVALID_INPUT', 'error.digest.archiveNotFile', { archive: file });
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** zlib and file errors as messages a person can act on; the tar reader's own errors pass through. */
function archiveFailure(error: unknown, archive: string): unknown {
  if (error instanceof AppError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  if (typeof code === 'string' && code.startsWith('Z_')) return new AppError('INVALID_INPUT', 'error.digest.archiveCorrupt', { archive, detail: message });
  if (typeof code === 'string') return new AppError('INVALID_INPUT', 'error.digest.unreadable', { path: archive, detail: code });
  return error;
}
