// @ts-check
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { constants, createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { VerifierInputError } from './errors.mjs';
import { gitDirOf, hashBlobs, listTree, resolveCommit } from './git.mjs';
import { visible } from './shape.mjs';
import { readTarEntries } from './tar.mjs';

/**
 * escrow-tree-v1 (DESIGN.md "Formats"): one record `<mode> SP <hash> SP <path> NUL` per blob (100644,
 * 100755), symlink (120000, content = target) and gitlink (160000, hash `gitlink:<commit>`), sorted by raw
 * path bytes, concatenated, SHA-256; written `sha256:<hex>`. The same tree read from a folder, a tar archive
 * or a git commit gives the same digest.
 */

/** @typedef {'100644' | '100755' | '120000' | '160000'} EscrowTreeMode */

/**
 * @typedef {object} TreeRecord
 * @property {EscrowTreeMode} mode
 * @property {string} hash hex SHA-256 of the content, or `gitlink:<commit id>`
 * @property {Buffer} path raw bytes, `/`-separated
 * @property {number} size content bytes (a symlink's target length; 0 for a gitlink)
 */

/**
 * @typedef {object} TreeSource
 * @property {string} [dir]
 * @property {string} [archive]
 * @property {number} [stripComponents] leading path segments to drop from archive entries
 * @property {string} [repo]
 * @property {string} [commit]
 */

/**
 * @typedef {object} TreeDigest
 * @property {string} digest `sha256:<hex>`
 * @property {number} files records in the digest
 * @property {number} bytes content bytes of all records
 * @property {string | null} commit the resolved full commit id when read from a repository
 */

const SLASH = Buffer.from('/');
const DOT = Buffer.from('.');
const DOT_DOT = Buffer.from('..');
const DOT_GIT = Buffer.from('.git');
const PARALLEL_READS = 8;

/**
 * @param {TreeSource} tree
 * @returns {Promise<TreeDigest>}
 */
export async function digestTree(tree) {
  checkTreeSource(tree);
  if (tree.dir !== undefined) return { ...finish(await directoryRecords(tree.dir)), commit: null };
  if (tree.archive !== undefined) return { ...finish(await archiveRecords(tree.archive, tree.stripComponents ?? 0)), commit: null };
  const gitDir = await gitDirOf(/** @type {string} */ (tree.repo));
  const commit = await resolveCommit(gitDir, /** @type {string} */ (tree.commit));
  return { ...finish(await gitRecords(gitDir, commit)), commit };
}

/**
 * Refuses a tree source that is not exactly one of a folder, an archive, or a repository with a commit.
 * @param {TreeSource} tree
 */
export function checkTreeSource(tree) {
  const given = ['dir', 'archive', 'repo'].filter((key) => tree[/** @type {'dir' | 'archive' | 'repo'} */ (key)] !== undefined);
  if ((tree.repo === undefined) !== (tree.commit === undefined)) throw new VerifierInputError('USAGE', '--repo and --commit go together.');
  if (given.length !== 1) throw new VerifierInputError('USAGE', 'Give exactly one tree: --dir DIR, --archive FILE, or --repo GITDIR --commit SHA.');
  if (tree.stripComponents !== undefined && tree.archive === undefined) throw new VerifierInputError('USAGE', '--strip-components applies only to --archive.');
}

/**
 * Sorts the records by raw path bytes and hashes them; a path twice, or one git or a file system could not
 * hold, is refused.
 * @param {TreeRecord[]} records
 * @returns {{ digest: string, files: number, bytes: number }}
 */
export function finish(records) {
  const sorted = [...records].sort((a, b) => Buffer.compare(a.path, b.path));
  const sha256 = createHash('sha256');
  let bytes = 0;
  for (let i = 0; i < sorted.length; i++) {
    const record = /** @type {TreeRecord} */ (sorted[i]);
    if (!isTreePath(record.path)) throw new VerifierInputError('INVALID_INPUT', `The tree holds the path "${shown(record.path)}", which escrow-tree-v1 cannot record (empty, ".", ".." or ".git" segment, or NUL).`);
    if (i > 0 && /** @type {TreeRecord} */ (sorted[i - 1]).path.equals(record.path)) throw new VerifierInputError('INVALID_INPUT', `The tree holds "${shown(record.path)}" twice.`);
    sha256.update(`${record.mode} ${record.hash} `, 'latin1');
    sha256.update(record.path);
    sha256.update(NUL);
    bytes += record.size;
  }
  return { digest: `sha256:${sha256.digest('hex')}`, files: sorted.length, bytes };
}

const NUL = Buffer.from([0]);

/** @param {Buffer} bytes */
function shown(bytes) {
  return visible(bytes.toString('utf8'));
}

/**
 * Non-empty segments, none `.`, `..` or `.git`, no NUL.
 * @param {Buffer} bytes
 */
function isTreePath(bytes) {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  return splitSegments(bytes).every((s) => s.length > 0 && !s.equals(DOT) && !s.equals(DOT_DOT) && !s.equals(DOT_GIT));
}

/** @param {Buffer} raw */
function splitSegments(raw) {
  const segments = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== 0x2f) continue;
    segments.push(raw.subarray(start, i));
    start = i + 1;
  }
  return segments;
}

/** @param {number} permissions */
function fileMode(permissions) {
  return (permissions & 0o100) !== 0 ? '100755' : '100644';
}

// ---- a folder on disk -------------------------------------------------------------------------------------

/**
 * Entries named `.git` are skipped (git never tracks them), empty folders leave no record, symlinks are
 * recorded by their target and never followed; devices, FIFOs and sockets are refused.
 * @param {string} root
 * @returns {Promise<TreeRecord[]>}
 */
async function directoryRecords(root) {
  const resolved = path.resolve(root);
  const stat = await fs.stat(resolved).catch(() => null);
  if (!stat) throw new VerifierInputError('NOT_FOUND', `There is nothing at ${resolved}.`);
  if (!stat.isDirectory()) throw new VerifierInputError('INVALID_INPUT', `${resolved} is not a folder.`);
  /** @type {{ full: Buffer, relative: Buffer, symlink: boolean }[]} */
  const found = [];
  await walk(Buffer.from(resolved), Buffer.alloc(0), found);
  /** @type {TreeRecord[]} */
  const records = new Array(found.length);
  let next = 0;
  const worker = async () => {
    while (next < found.length) {
      const index = next++;
      records[index] = await fileRecord(/** @type {(typeof found)[number]} */ (found[index]));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return records;
}

/**
 * @param {Buffer} dir
 * @param {Buffer} relative
 * @param {{ full: Buffer, relative: Buffer, symlink: boolean }[]} found
 */
async function walk(dir, relative, found) {
  const entries = await fs.readdir(dir, { encoding: 'buffer', withFileTypes: true }).catch((error) => unreadable(dir, error));
  for (const entry of entries) {
    const name = /** @type {Buffer} */ (/** @type {unknown} */ (entry.name));
    if (name.equals(DOT_GIT)) continue;
    const full = Buffer.concat([dir, SLASH, name]);
    const rel = relative.length === 0 ? name : Buffer.concat([relative, SLASH, name]);
    if (entry.isDirectory()) await walk(full, rel, found);
    else if (entry.isFile() || entry.isSymbolicLink()) found.push({ full, relative: rel, symlink: entry.isSymbolicLink() });
    else throw new VerifierInputError('INVALID_INPUT', `${shown(full)} is a device, FIFO or socket, which a source tree cannot hold.`);
  }
}

/**
 * @param {{ full: Buffer, relative: Buffer, symlink: boolean }} entry
 * @returns {Promise<TreeRecord>}
 */
async function fileRecord(entry) {
  if (entry.symlink) {
    const target = await fs.readlink(entry.full, { encoding: 'buffer' }).catch((error) => unreadable(entry.full, error));
    return { mode: '120000', hash: createHash('sha256').update(target).digest('hex'), path: entry.relative, size: target.length };
  }
  // A file swapped for a link or a FIFO after the listing is refused, not followed nor waited on.
  const handle = await fs.open(entry.full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch((error) => unreadable(entry.full, error));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new VerifierInputError('INVALID_INPUT', `${shown(entry.full)} is not a regular file any more.`);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: 1024 * 1024 })) {
      hash.update(/** @type {Buffer} */ (chunk));
      size += /** @type {Buffer} */ (chunk).length;
    }
    return { mode: fileMode(stat.mode), hash: hash.digest('hex'), path: entry.relative, size };
  } catch (error) {
    return unreadable(entry.full, error);
  } finally {
    await handle.close();
  }
}

/**
 * @param {Buffer} full
 * @param {unknown} error
 * @returns {never}
 */
function unreadable(full, error) {
  if (error instanceof VerifierInputError) throw error;
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === 'ENOENT') throw new VerifierInputError('NOT_FOUND', `${shown(full)} disappeared while the tree was read.`);
  throw new VerifierInputError('INVALID_INPUT', `${shown(full)} cannot be read (${code ?? String(error)}).`);
}

// ---- a tar or tar.gz archive ------------------------------------------------------------------------------

/**
 * Folders are implied by paths; entries under a `.git` segment are skipped as in a folder walk; a hard link
 * stands for the earlier entry it names. gzip is told by its magic bytes, whatever the file is called.
 * @param {string} file
 * @param {number} strip
 * @returns {Promise<TreeRecord[]>}
 */
async function archiveRecords(file, strip) {
  if (!Number.isInteger(strip) || strip < 0 || strip > 255) throw new VerifierInputError('USAGE', `--strip-components must be a whole number from 0 to 255, not ${strip}.`);
  const gzip = await startsWithGzipMagic(file);
  const raw = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream = gzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  /** @type {TreeRecord[]} */
  const records = [];
  /** @type {Map<string, TreeRecord>} */
  const byPath = new Map();
  try {
    for await (const entry of readTarEntries(stream, file)) {
      const entryPath = archivePath(entry.path, strip, entry.kind, file);
      if (entryPath === null || entry.kind === 'directory') continue;
      /** @type {TreeRecord} */
      let record;
      if (entry.kind === 'symlink') {
        record = { mode: '120000', hash: createHash('sha256').update(entry.linkPath).digest('hex'), path: entryPath, size: entry.linkPath.length };
      } else if (entry.kind === 'hardlink') {
        const target = archivePath(entry.linkPath, strip, entry.kind, file);
        const linked = target && byPath.get(target.toString('latin1'));
        if (!linked) throw new VerifierInputError('INVALID_INPUT', `${file} has a hard link "${shown(entry.path)}" to "${shown(entry.linkPath)}", which is not an earlier file of the archive.`);
        record = { ...linked, path: entryPath };
      } else {
        const hash = createHash('sha256');
        await entry.read((chunk) => void hash.update(chunk));
        record = { mode: fileMode(entry.mode), hash: hash.digest('hex'), path: entryPath, size: entry.size };
      }
      records.push(record);
      byPath.set(entryPath.toString('latin1'), record);
    }
    return records;
  } catch (error) {
    throw archiveFailure(error, file);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

/**
 * The tree path of an entry: `.` and empty segments dropped, absolute paths and `..` refused, `strip`
 * leading segments removed; null when nothing is left or the entry lies under `.git`.
 * @param {Buffer} raw
 * @param {number} strip
 * @param {string} kind
 * @param {string} archive
 * @returns {Buffer | null}
 */
function archivePath(raw, strip, kind, archive) {
  const segments = splitSegments(raw);
  if (raw[0] === 0x2f || segments.some((s) => s.equals(DOT_DOT))) throw new VerifierInputError('INVALID_INPUT', `${archive} holds "${shown(raw)}", a path that leaves the tree.`);
  const kept = segments.filter((s) => s.length > 0 && !s.equals(DOT));
  if (kept.length === 0 && kind !== 'directory') throw new VerifierInputError('INVALID_INPUT', `${archive} holds an entry with an empty name.`);
  if (kept.length <= strip) return null;
  const tree = kept.slice(strip);
  if (tree.some((s) => s.equals(DOT_GIT))) return null;
  return Buffer.concat(tree.flatMap((s, i) => (i === 0 ? [s] : [SLASH, s])));
}

/** @param {string} file */
async function startsWithGzipMagic(file) {
  const handle = await fs.open(file, 'r').catch((/** @type {NodeJS.ErrnoException} */ error) => {
    throw error.code === 'ENOENT' ? new VerifierInputError('NOT_FOUND', `There is nothing at ${file}.`) : new VerifierInputError('INVALID_INPUT', `${file} cannot be read (${error.code ?? error.message}).`);
  });
  try {
    if (!(await handle.stat()).isFile()) throw new VerifierInputError('INVALID_INPUT', `${file} is not a file; --archive takes a .tar, .tar.gz or .tgz file.`);
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * @param {unknown} error
 * @param {string} archive
 */
function archiveFailure(error, archive) {
  if (error instanceof VerifierInputError) return error;
  const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
  if (typeof code === 'string' && code.startsWith('Z_')) return new VerifierInputError('INVALID_INPUT', `${archive} is not a valid gzip file (${message}).`);
  if (typeof code === 'string') return new VerifierInputError('INVALID_INPUT', `${archive} cannot be read (${code}).`);
  return error;
}

// ---- a commit in a git repository -------------------------------------------------------------------------

/**
 * @param {string} gitDir
 * @param {string} commit
 * @returns {Promise<TreeRecord[]>}
 */
async function gitRecords(gitDir, commit) {
  const entries = await listTree(gitDir, commit);
  const blobs = [...new Set(entries.filter((e) => e.mode !== '160000').map((e) => e.oid))];
  const hashed = await hashBlobs(gitDir, blobs);
  return entries.map((entry) => {
    if (entry.mode === '160000') return { mode: entry.mode, hash: `gitlink:${entry.oid}`, path: entry.path, size: 0 };
    const blob = /** @type {{ sha256: string, size: number }} */ (hashed.get(entry.oid));
    return { mode: entry.mode, hash: blob.sha256, path: entry.path, size: blob.size };
  });
}
