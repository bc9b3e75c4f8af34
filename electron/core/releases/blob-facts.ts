import { looksBinary } from '../code/text-decoding.js';

/** What the inventory needs to know about one blob's content, learned while the digest reads it anyway. */
export interface BlobFacts {
  binary: boolean;
  lines: number;
  lfs: { oid: string; size: number } | null;
}

const LFS_SIGNATURE = 'version https://git-lfs.github.com/spec/v1\n';

export function analyseBlob(content: Buffer): BlobFacts {
  if (looksBinary(content)) return { binary: true, lines: 0, lfs: null };
  return { binary: false, lines: countLines(content), lfs: lfsPointer(content) };
}

function countLines(content: Buffer): number {
  if (content.length === 0) return 0;
  let lines = 0;
  for (let i = content.indexOf(0x0a); i !== -1; i = content.indexOf(0x0a, i + 1)) lines++;
  return content[content.length - 1] === 0x0a ? lines : lines + 1;
}

/** A Git LFS pointer file: the real content was never deposited, only this reference to it. */
function lfsPointer(content: Buffer): BlobFacts['lfs'] {
  if (content.length > 1024 || !content.subarray(0, LFS_SIGNATURE.length).equals(Buffer.from(LFS_SIGNATURE))) return null;
  const text = content.toString('utf8');
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  const size = /^size (\d+)$/m.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : null;
}
