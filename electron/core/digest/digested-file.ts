import { createHash, hash } from 'node:crypto';
import { EscrowTreeDigestBuilder, type EscrowTreeMode, type Sha256 } from '../../../shared/domain/escrow-tree-digest.js';

/** One entry of a digested tree, whatever it was read from (a git tree, a folder, a tar archive). */
export interface DigestedFile {
  /** For display, decoded as shared/domain/path-bytes.ts does (bytes that are not UTF-8 escaped). */
  path: string;
  pathBytes: Uint8Array;
  mode: EscrowTreeMode;
  /** The git object id; '' when read from a folder or an archive. */
  oid: string;
  /** Content bytes (a symlink's target length); 0 for gitlinks. */
  size: number;
  /** Hex SHA-256 of the content; null for gitlinks. */
  sha256: string | null;
}

export interface TreeDigest {
  /** `sha256:<hex>`, escrow-tree-v1. */
  digest: string;
  /** Sorted by raw path bytes, as the records are. */
  files: DigestedFile[];
}

/** Files are kept below this size in memory; larger ones stream into the hash. */
export const IN_MEMORY_LIMIT = 32 * 1024 * 1024;

export function nodeSha256(): Sha256 {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), digestHex: () => hash.digest('hex') };
}

export function sha256Hex(content: Uint8Array): string {
  return hash('sha256', content, 'hex');
}

/** Sort the files and compute the escrow-tree-v1 digest over their records. */
export function finishTreeDigest(files: readonly DigestedFile[]): TreeDigest {
  // Buffer.compare is memcmp order, as comparePathBytes; sorting natively first leaves the builder a cheap pass.
  const sorted = [...files].sort((a, b) => Buffer.compare(a.pathBytes, b.pathBytes));
  const builder = new EscrowTreeDigestBuilder(nodeSha256());
  for (const file of sorted) {
    builder.add({ mode: file.mode, hash: file.sha256 === null ? `gitlink:${file.oid}` : file.sha256, path: file.pathBytes });
  }
  return { digest: builder.digest(), files: sorted };
}
