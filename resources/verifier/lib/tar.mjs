// @ts-check
import { Buffer } from 'node:buffer';
import { VerifierInputError } from './errors.mjs';
import { visible } from './shape.mjs';

/**
 * @typedef {'file' | 'hardlink' | 'symlink' | 'directory'} TarEntryKind
 */

/**
 * @typedef {object} TarEntry
 * @property {TarEntryKind} kind
 * @property {Buffer} path raw name bytes: the pax `path`, a GNU long name, or ustar `prefix/name`
 * @property {Buffer} linkPath
 * @property {number} mode
 * @property {number} size data bytes (files only)
 * @property {number} offset byte offset of the header in the (decompressed) archive
 * @property {(sink: (chunk: Buffer) => void) => Promise<void>} read streams the data; unread data is skipped
 */

const BLOCK = 512;
const EXTENDED_LIMIT = 1024 * 1024;
/** @type {ReadonlyMap<string, TarEntryKind>} */
const KINDS = new Map([
  ['0', 'file'],
  ['\0', 'file'],
  ['7', 'file'],
  ['1', 'hardlink'],
  ['2', 'symlink'],
  ['5', 'directory'],
]);

/**
 * A streaming tar reader for ustar, pax (`x` per entry: path, linkpath, size; `g` ignored) and GNU long
 * names (`L`, `K`). Every header checksum is verified and the end-of-archive block is required, so a
 * truncated or damaged archive is refused instead of read as a smaller tree. Other entry types (devices,
 * FIFOs, sparse files) are refused: a source tree has none.
 * @param {AsyncIterable<Buffer>} chunks
 * @param {string} archive the file name, for messages
 * @returns {AsyncGenerator<TarEntry>}
 */
export async function* readTarEntries(chunks, archive) {
  const source = new ByteSource(chunks[Symbol.asyncIterator](), archive);
  /** @type {{ path?: Buffer, linkPath?: Buffer, size?: number }} */
  let pending = {};
  for (;;) {
    const offset = source.position;
    if (await source.atEnd()) {
      throw new VerifierInputError('INVALID_INPUT', offset === 0 ? `${archive} is empty, not a tar archive.` : `${archive} ends at byte ${offset} without the end-of-archive block: it is truncated.`);
    }
    const header = await source.read(BLOCK);
    if (header.every((byte) => byte === 0)) {
      await source.drain();
      return;
    }
    if (!checksumMatches(header)) {
      throw new VerifierInputError('INVALID_INPUT', offset === 0 ? `${archive} is not a tar archive (no valid header at its start).` : `${archive} has a damaged header at byte ${offset} (checksum mismatch).`);
    }
    /** @type {(start: number, length: number, name: string) => number} */
    const field = (start, length, name) => numericField(header, start, length) ?? badField(archive, name, offset);
    const type = String.fromCharCode(/** @type {number} */ (header[156]));
    const size = field(124, 12, 'size');
    if (type === 'x' || type === 'L' || type === 'K') {
      if (size > EXTENDED_LIMIT) throw new VerifierInputError('INVALID_INPUT', `${archive} has an extended header of ${size} bytes at byte ${offset}; more than ${EXTENDED_LIMIT} is refused.`);
      const data = await source.read(size);
      await source.skip(padding(size));
      if (type === 'x') pending = { ...pending, ...parsePax(data, archive, offset) };
      else if (type === 'L') pending.path = cString(data);
      else pending.linkPath = cString(data);
      continue;
    }
    if (type === 'g') {
      await source.skip(size + padding(size));
      continue;
    }
    const path = pending.path ?? ustarName(header);
    const kind = KINDS.get(type);
    if (!kind) throw new VerifierInputError('INVALID_INPUT', `${archive} holds "${visible(path.toString('utf8'))}" of tar entry type ${JSON.stringify(type)}, which a source tree cannot contain.`);
    const dataSize = kind === 'file' ? (pending.size ?? size) : 0;
    const linkPath = pending.linkPath ?? cString(header.subarray(157, 257));
    pending = {};
    let consumed = false;
    /** @param {(chunk: Buffer) => void} sink */
    const read = async (sink) => {
      consumed = true;
      await source.stream(dataSize, sink);
    };
    yield { kind, path, linkPath, mode: field(100, 8, 'mode'), size: dataSize, offset, read };
    if (!consumed) await source.skip(dataSize);
    await source.skip(padding(dataSize));
  }
}

/** @param {number} size */
function padding(size) {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/**
 * The sum of the header bytes with the checksum field read as spaces; old writers summed signed bytes.
 * @param {Buffer} header
 */
function checksumMatches(header) {
  const stored = numericField(header, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : /** @type {number} */ (header[i]);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/**
 * Octal text (NUL or space terminated), or GNU base-256 when the high bit of the first byte is set.
 * @param {Buffer} header
 * @param {number} start
 * @param {number} length
 * @returns {number | null}
 */
function numericField(header, start, length) {
  const bytes = header.subarray(start, start + length);
  const first = /** @type {number} */ (bytes[0]);
  if ((first & 0x80) !== 0) {
    if (first === 0xff) return null;
    let value = first & 0x7f;
    for (const byte of bytes.subarray(1)) value = value * 256 + byte;
    return Number.isSafeInteger(value) ? value : null;
  }
  const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

/**
 * @param {string} archive
 * @param {string} field
 * @param {number} offset
 * @returns {never}
 */
function badField(archive, field, offset) {
  throw new VerifierInputError('INVALID_INPUT', `${archive} has a malformed ${field} field in the header at byte ${offset}.`);
}

/** @param {Buffer} bytes */
function cString(bytes) {
  const nul = bytes.indexOf(0);
  return Buffer.from(nul === -1 ? bytes : bytes.subarray(0, nul));
}

/**
 * `prefix/name` for POSIX ustar; the GNU magic (`ustar  `) uses those bytes for other things.
 * @param {Buffer} header
 */
function ustarName(header) {
  const name = cString(header.subarray(0, 100));
  const posix = header.subarray(257, 263).toString('latin1') === 'ustar\0';
  const prefix = posix ? cString(header.subarray(345, 500)) : Buffer.alloc(0);
  return prefix.length === 0 ? name : Buffer.concat([prefix, Buffer.from('/'), name]);
}

/**
 * Records `<length> SP <key>=<value> LF`; values stay bytes (git archive writes raw path bytes).
 * @param {Buffer} data
 * @param {string} archive
 * @param {number} offset
 */
function parsePax(data, archive, offset) {
  /** @type {{ path?: Buffer, linkPath?: Buffer, size?: number }} */
  const found = {};
  let i = 0;
  while (i < data.length && data[i] !== 0) {
    const space = data.indexOf(0x20, i);
    const lengthText = space === -1 ? '' : data.subarray(i, space).toString('latin1');
    const end = i + Number(lengthText);
    if (!/^\d+$/.test(lengthText) || end > data.length || end <= space || data[end - 1] !== 0x0a) badField(archive, 'pax', offset);
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    if (equals === -1) badField(archive, 'pax', offset);
    const key = record.subarray(0, equals).toString('latin1');
    const value = Buffer.from(record.subarray(equals + 1));
    if (key === 'path') found.path = value;
    else if (key === 'linkpath') found.linkPath = value;
    else if (key === 'size') {
      const text = value.toString('latin1');
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) badField(archive, 'pax size', offset);
      found.size = Number(text);
    }
    i = end;
  }
  return found;
}

/** Exact-length reads over a stream of chunks, counting the position; input ending mid-read is a truncation. */
class ByteSource {
  /**
   * @param {AsyncIterator<Buffer>} chunks
   * @param {string} archive
   */
  constructor(chunks, archive) {
    this.chunks = chunks;
    this.archive = archive;
    this.position = 0;
    /** @type {Buffer} */
    this.chunk = Buffer.alloc(0);
    this.at = 0;
  }

  /** True when the input has ended exactly here. */
  async atEnd() {
    return !(await this.fill());
  }

  /** @param {number} length */
  async read(length) {
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    await this.stream(length, (part) => {
      part.copy(out, filled);
      filled += part.length;
    });
    return out;
  }

  /**
   * Hands exactly `length` bytes to `sink`, chunk by chunk (the chunks are only valid during the call).
   * @param {number} length
   * @param {(chunk: Buffer) => void} sink
   */
  async stream(length, sink) {
    let left = length;
    while (left > 0) {
      if (!(await this.fill())) throw new VerifierInputError('INVALID_INPUT', `${this.archive} ends at byte ${this.position} inside an entry: it is truncated.`);
      const take = Math.min(left, this.chunk.length - this.at);
      sink(this.chunk.subarray(this.at, this.at + take));
      this.at += take;
      this.position += take;
      left -= take;
    }
  }

  /** @param {number} length */
  skip(length) {
    return this.stream(length, () => undefined);
  }

  /** Reads to the end, so a decompressor gets to check its trailer. */
  async drain() {
    while (await this.fill()) {
      this.position += this.chunk.length - this.at;
      this.at = this.chunk.length;
    }
  }

  async fill() {
    while (this.at >= this.chunk.length) {
      const next = await this.chunks.next();
      if (next.done) return false;
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }
}
