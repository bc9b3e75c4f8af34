import { AppError } from '../errors.js';
import { decodePathBytes } from './path-bytes.js';
import { visibleText } from './visible-text.js';

/**
 * The escrow tree digest `escrow-tree-v1` (DESIGN.md, "Formats"). Outsiders recompute it offline, so this
 * file is the whole definition: pure, with SHA-256 passed in, so the core and a stand-alone verifier share it.
 */
export const ESCROW_TREE_FORMAT = 'escrow-tree-v1';

export type EscrowTreeMode = '100644' | '100755' | '120000' | '160000';

export interface EscrowTreeRecord {
  mode: EscrowTreeMode;
  /**
   * Lowercase hex SHA-256 of the content (a symlink's content is its target), or `gitlink:<commit id>`:
   * 40 hex digits as DESIGN.md writes it, or 64 in a repository that uses SHA-256 object ids.
   */
  hash: string;
  /** The full path as raw bytes, `/`-separated. */
  path: Uint8Array;
}

/** Any incremental SHA-256: node:crypto in the core; a verifier may bring its own (WebCrypto cannot stream). */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const GITLINK = /^gitlink:(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const DIGEST = /^sha256:([0-9a-f]{64})$/;
const SLASH = 0x2f;
const encoder = new TextEncoder();
const FORBIDDEN_SEGMENTS = ['', '.', '..', '.git'].map((s) => encoder.encode(s));

/** A regular file's mode from its permission bits: only the owner execute bit counts (git stores no more). */
export function fileModeFromPermissions(permissions: number): '100644' | '100755' {
  return (permissions & 0o100) !== 0 ? '100755' : '100644';
}

/** `<mode> SP <hash> SP <path> NUL`. */
export function encodeRecord(record: EscrowTreeRecord): Uint8Array {
  checkRecord(record);
  return encodeChecked(record);
}

function encodeChecked(record: EscrowTreeRecord): Uint8Array {
  // Mode and hash are ASCII once checked: written byte by byte, cheaper than a TextEncoder call per record.
  const head = `${record.mode} ${record.hash} `;
  const out = new Uint8Array(head.length + record.path.length + 1);
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  out.set(record.path, head.length);
  return out;
}

/** Byte-wise order (like memcmp, then length): not locale order, not UTF-16 order. */
export function comparePathBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

export function sortByPathBytes<T>(items: readonly T[], pathOf: (item: T) => Uint8Array): T[] {
  return [...items].sort((x, y) => comparePathBytes(pathOf(x), pathOf(y)));
}

export function formatDigest(hex: string): string {
  if (!SHA256_HEX.test(hex)) throw new Error(`not a lowercase hex SHA-256: ${hex.slice(0, 80)}`);
  return `sha256:${hex}`;
}

/** The hex of a written digest; anything but `sha256:` and 64 lowercase hex digits is refused. */
export function parseDigest(text: string): string {
  const match = DIGEST.exec(text);
  if (!match) throw new AppError('INVALID_INPUT', 'error.digest.malformed', { text: visibleText(text.slice(0, 100)) });
  return match[1]!;
}

/**
 * Collects records in any order; `digest()` (once) sorts them and streams each encoded record into the
 * hash. Two records for one path are refused: the tree would be ambiguous.
 */
export class EscrowTreeDigestBuilder {
  private readonly records: EscrowTreeRecord[] = [];

  constructor(private readonly sha256: Sha256) {}

  add(record: EscrowTreeRecord): void {
    checkRecord(record);
    this.records.push(record);
  }

  digest(): string {
    const sorted = sortByPathBytes(this.records, (r) => r.path);
    for (let i = 0; i < sorted.length; i++) {
      const record = sorted[i]!;
      if (i > 0 && comparePathBytes(sorted[i - 1]!.path, record.path) === 0) {
        throw new AppError('INVALID_INPUT', 'error.digest.duplicatePath', { path: displayPath(record.path) });
      }
      this.sha256.update(encodeChecked(record));
    }
    return formatDigest(this.sha256.digestHex());
  }
}

/** A path for messages: decoded as path-bytes.ts does, with control characters made visible. */
export function displayPath(bytes: Uint8Array): string {
  return visibleText(decodePathBytes(bytes));
}

function checkRecord(record: EscrowTreeRecord): void {
  const hashOk = record.mode === '160000' ? GITLINK.test(record.hash) : SHA256_HEX.test(record.hash) && ['100644', '100755', '120000'].includes(record.mode);
  if (!hashOk) throw new Error(`malformed escrow tree record: mode ${record.mode}, hash ${record.hash.slice(0, 80)}`);
  if (!isTreePath(record.path)) throw new AppError('INVALID_INPUT', 'error.digest.badPath', { path: displayPath(record.path) });
}

/** Non-empty segments, none `.`, `..` or `.git`, no NUL: what a file system and git can both hold. */
function isTreePath(path: Uint8Array): boolean {
  if (path.length === 0) return false;
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const byte = i < path.length ? path[i] : SLASH;
    if (byte === 0) return false;
    if (byte !== SLASH) continue;
    if (i - start <= 4 && FORBIDDEN_SEGMENTS.some((segment) => segmentEquals(path, start, i, segment))) return false;
    start = i + 1;
  }
  return true;
}

function segmentEquals(path: Uint8Array, start: number, end: number, segment: Uint8Array): boolean {
  if (end - start !== segment.length) return false;
  for (let i = 0; i < segment.length; i++) if (path[start + i] !== segment[i]) return false;
  return true;
}
