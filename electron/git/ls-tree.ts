import { isUtf8 } from 'node:buffer';
import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { normaliseBlobMode } from './objects.js';
import { runGit } from './runner.js';

export interface LsTreeEntry {
  mode: '100644' | '100755' | '120000' | '160000';
  oid: string;
  /** '/'-separated; bytes that are not UTF-8 are escaped (shared/domain/path-bytes.ts). */
  path: string;
}

/** Every non-tree entry of a tree, recursively: one `git ls-tree -r -z` over the tree object. */
export async function listTreeRecursive(gitDir: string, treeOid: string, signal?: AbortSignal): Promise<LsTreeEntry[]> {
  const { stdout } = await runGit(['ls-tree', '-r', '-z', '--full-tree', treeOid], { gitDir, signal });
  return parseLsTree(stdout);
}

/**
 * `<mode> SP <type> SP <oid> TAB <path> NUL`, repeated. Output that is valid UTF-8 as a whole (nearly
 * always; checked with Node's fast validator) is decoded once and split; otherwise each path is decoded
 * from its raw bytes, escaping those that are not UTF-8.
 */
export function parseLsTree(output: Buffer): LsTreeEntry[] {
  if (!isUtf8(output)) return parseBytes(output);
  const text = output.toString('utf8');
  const entries: LsTreeEntry[] = [];
  // One pass with indexOf over the whole text: no array of records, and slices share the text's memory.
  let start = 0;
  while (start < text.length) {
    const tab = text.indexOf('\t', start);
    let end = text.indexOf('\u0000', start);
    if (end === -1) end = text.length;
    const space1 = text.indexOf(' ', start);
    const space2 = space1 === -1 ? -1 : text.indexOf(' ', space1 + 1);
    if (tab === -1 || tab > end || space2 === -1 || space2 > tab) throw new Error(`malformed ls-tree record: ${text.slice(start, Math.min(end, start + 80))}`);
    const modeText = text.slice(start, space1);
    const mode = modeText === '100644' ? '100644' : normaliseBlobMode(modeText);
    if (mode !== '040000') entries.push({ mode, oid: text.slice(space2 + 1, tab), path: text.slice(tab + 1, end) });
    start = end + 1;
  }
  return entries;
}

function parseBytes(output: Buffer): LsTreeEntry[] {
  const entries: LsTreeEntry[] = [];
  let i = 0;
  while (i < output.length) {
    const nul = output.indexOf(0x00, i);
    const end = nul === -1 ? output.length : nul;
    const tab = output.indexOf(0x09, i);
    if (tab === -1 || tab > end) throw new Error(`malformed ls-tree output at byte ${i}`);
    const [mode = '', , oid = ''] = output.subarray(i, tab).toString('latin1').split(' ');
    const normalised = normaliseBlobMode(mode);
    if (normalised !== '040000') entries.push({ mode: normalised, oid, path: decodePathBytes(output.subarray(tab + 1, end)) });
    i = end + 1;
  }
  return entries;
}
