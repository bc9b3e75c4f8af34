import { normaliseBlobMode } from './objects.js';
import { runGit } from './runner.js';

export interface LsTreeEntry {
  mode: '100644' | '100755' | '120000' | '160000';
  oid: string;
  /** Raw path bytes, '/'-separated. */
  path: Buffer;
}

/** Every non-tree entry of a tree, recursively: one `git ls-tree -r -z` over the tree object. */
export async function listTreeRecursive(gitDir: string, treeOid: string, signal?: AbortSignal): Promise<LsTreeEntry[]> {
  const { stdout } = await runGit(['ls-tree', '-r', '-z', '--full-tree', treeOid], { gitDir, signal });
  return parseLsTree(stdout);
}

/** `<mode> SP <type> SP <oid> TAB <path> NUL`, repeated. */
export function parseLsTree(output: Buffer): LsTreeEntry[] {
  const entries: LsTreeEntry[] = [];
  let i = 0;
  while (i < output.length) {
    const nul = output.indexOf(0x00, i);
    const end = nul === -1 ? output.length : nul;
    const tab = output.indexOf(0x09, i);
    if (tab === -1 || tab > end) throw new Error(`malformed ls-tree output at byte ${i}`);
    const [mode = '', , oid = ''] = output.subarray(i, tab).toString('latin1').split(' ');
    const normalised = normaliseBlobMode(mode);
    if (normalised !== '040000') entries.push({ mode: normalised, oid, path: Buffer.from(output.subarray(tab + 1, end)) });
    i = end + 1;
  }
  return entries;
}
