import { displayPath } from '../../../shared/domain/escrow-tree-digest.js';
import { AppError } from '../../../shared/errors.js';
import { ByteSource } from './byte-source.js';

export type TarEntryKind = 'file' | 'hardlink' | 'symlink' | 'directory';

export interface TarEntry {
  kind: TarEntryKind;
  /** Raw name bytes: the pax `path`, a GNU long name, or ustar `prefix/name`; not yet checked. */
  path: Buffer;
  linkPath: Buffer;
  mode: number;
  /** Data bytes (files only; links and folders carry none). */
  size: number;
  /** Byte offset of the entry's header in the (decompressed) archive, for messages. */
  offset: number;
  /** Stream the data into `sink`; when not called, the data is skipped. */
  read(sink: (chunk: Buffer) => void): Promise<void>;
}

const BLOCK = 512;
const EXTENDED_LIMIT = 1024 * 1024;
const KINDS: Readonly<Record<string, TarEntryKind>> = { '0': 'file', '\0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '5': 'directory' };

interface Pending {
  path?: Buffer;
  linkPath?: Buffer;
  size?: number;
}

/**
 * A streaming tar reader for ustar, pax (`x` per entry: path, linkpath, size; `g` ignored) and GNU long
 * names (`L`, `K`). Every header's checksum is verified and the end-of-archive block is required, so a
 * truncated or damaged archive is refused instead of read as a shorter tree.
 */
export async function* readTarEntries(chunks: AsyncIterable<Buffer>, archive: string): AsyncGenerator<TarEntry> {
  const source = new ByteSource(chunks[Symbol.asyncIterator](), archive);
  let pending: Pending = {};
  for (;;) {
    const offset = source.position;
    if (await source.atEnd()) {
      throw new AppError('INVALID_INPUT', offset === 0 ? 'error.digest.notAnArchive' : 'error.digest.archiveTruncated', { archive, offset });
    }
    const header = await source.read(BLOCK);
    if (header.every((byte) => byte === 0)) {
      await source.drain();
      return;
    }
    if (!checksumMatches(header)) {
      throw new AppError('INVALID_INPUT', offset === 0 ? 'error.digest.notAnArchive' : 'error.digest.archiveChecksum', { archive, offset });
    }
    const field = (start: number, length: number, name: string) => numericField(header, start, length) ?? badField(archive, name, offset);
    const type = String.fromCharCode(header[156]!);
    const size = field(124, 12, 'size');
    if (type === 'x' || type === 'L' || type === 'K') {
      if (size > EXTENDED_LIMIT) throw new AppError('INVALID_INPUT', 'error.digest.archiveHeaderTooLarge', { archive, offset, limit: EXTENDED_LIMIT });
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
    const kind = KINDS[type];
    if (!kind) throw new AppError('INVALID_INPUT', 'error.digest.archiveEntryType', { archive, path: displayPath(path), type: displayPath(Buffer.from(type, 'latin1')) });
    const dataSize = kind === 'file' ? (pending.size ?? size) : 0;
    const linkPath = pending.linkPath ?? cString(header.subarray(157, 257));
    pending = {};
    let consumed = false;
    const read = async (sink: (chunk: Buffer) => void) => {
      consumed = true;
      await source.stream(dataSize, sink);
    };
    yield { kind, path, linkPath, mode: field(100, 8, 'mode'), size: dataSize, offset, read };
    if (!consumed) await source.skip(dataSize);
    await source.skip(padding(dataSize));
  }
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

/** The sum of the header bytes with the checksum field read as spaces; old writers summed signed bytes. */
function checksumMatches(header: Buffer): boolean {
  const stored = numericField(header, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : header[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** Octal text (NUL or space terminated), or GNU base-256 when the high bit of the first byte is set. */
function numericField(header: Buffer, start: number, length: number): number | null {
  const bytes = header.subarray(start, start + length);
  if ((bytes[0]! & 0x80) !== 0) {
    if (bytes[0] === 0xff) return null;
    let value = bytes[0]! & 0x7f;
    for (const byte of bytes.subarray(1)) value = value * 256 + byte;
    return Number.isSafeInteger(value) ? value : null;
  }
  const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

function badField(archive: string, field: string, offset: number): never {
  throw new AppError('INVALID_INPUT', 'error.digest.archiveBadField', { archive, field, offset });
}

function cString(bytes: Buffer): Buffer {
  const nul = bytes.indexOf(0);
  return Buffer.from(nul === -1 ? bytes : bytes.subarray(0, nul));
}

/** `prefix/name` for POSIX ustar; the GNU magic (`ustar  `) uses those bytes for other things. */
function ustarName(header: Buffer): Buffer {
  const name = cString(header.subarray(0, 100));
  const posix = header.subarray(257, 263).toString('latin1') === 'ustar\0';
  const prefix = posix ? cString(header.subarray(345, 500)) : Buffer.alloc(0);
  return prefix.length === 0 ? name : Buffer.concat([prefix, Buffer.from('/'), name]);
}

/** Records `<length> SP <key>=<value> LF`; values stay bytes (git archive writes raw path bytes). */
function parsePax(data: Buffer, archive: string, offset: number): Pending {
  const found: Pending = {};
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
      if (!/^\d+$/.test(value.toString('latin1')) || !Number.isSafeInteger(Number(value.toString('latin1')))) badField(archive, 'size', offset);
      found.size = Number(value.toString('latin1'));
    }
    i = end;
  }
  return found;
}
