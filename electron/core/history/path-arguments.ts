import { AppError } from '../../../shared/errors.js';
import { encodePathString, hasEscapedBytes } from '../../../shared/domain/path-bytes.js';
import { normaliseBlobMode, type RawTreeEntry } from '../../git/objects.js';
import type { ObjectStore } from '../code/object-store.js';

/**
 * A path for git's command line. Arguments are UTF-8 strings, so a name that is not UTF-8 cannot be
 * handed over byte for byte: refused with a clear error rather than silently naming another file.
 */
export function commandLinePath(path: string): string {
  if (hasEscapedBytes(path)) throw new AppError('INVALID_INPUT', 'error.history.pathNotUtf8', { path });
  return path;
}

/** A pathspec that matches exactly this path (and what is under it): no globs, no `:` magic, no options. */
export function literalPathspec(path: string): string {
  return `:(literal)${commandLinePath(path)}`;
}

/** True when `path` is `prefix` itself or lies under the folder `prefix`. */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The tree entry at `path`, walking one tree at a time and matching names as raw bytes; null if absent. */
export async function entryAt(objects: ObjectStore, gitDir: string, tree: string, path: string): Promise<RawTreeEntry | null> {
  let treeOid = tree;
  const segments = path.split('/');
  for (let i = 0; i < segments.length; i++) {
    const wanted = Buffer.from(encodePathString(segments[i]!));
    const entry = (await objects.readTree(gitDir, treeOid)).find((e) => e.name.equals(wanted));
    if (!entry) return null;
    if (i === segments.length - 1) return entry;
    if (normaliseBlobMode(entry.mode) !== '040000') return null;
    treeOid = entry.oid;
  }
  return null;
}

const BELOW_SURROGATES = /^[\u0000-\ud7ff]*$/;

/**
 * Order by the raw bytes of the names, as git and the escrow digest do. For text below the surrogate range
 * UTF-16 order is byte order, so most names compare as strings; the rest through their bytes.
 */
export function sortByPathBytes<T extends { path: string }>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, simple: BELOW_SURROGATES.test(item.path) }));
  keyed.sort((a, b) => {
    if (a.simple && b.simple) return a.item.path < b.item.path ? -1 : a.item.path > b.item.path ? 1 : 0;
    return Buffer.compare(Buffer.from(encodePathString(a.item.path)), Buffer.from(encodePathString(b.item.path)));
  });
  return keyed.map((k) => k.item);
}
