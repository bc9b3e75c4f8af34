/**
 * Parsers for raw git objects as `cat-file` returns them. Kept apart from process plumbing so they are
 * tested on captured bytes.
 */
export interface RawTreeEntry {
  mode: string;
  /** The entry name as raw bytes: vendor file names need not be UTF-8. */
  name: Buffer;
  oid: string;
}

/** A tree object: repeated `<octal mode> SP <name> NUL <binary object id>`. */
export function parseTreeObject(data: Buffer, hashBytes = 20): RawTreeEntry[] {
  const entries: RawTreeEntry[] = [];
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    const nul = data.indexOf(0x00, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + hashBytes > data.length) {
      throw new Error(`malformed tree object at byte ${i}`);
    }
    entries.push({
      mode: data.subarray(i, space).toString('latin1'),
      name: Buffer.from(data.subarray(space + 1, nul)),
      oid: data.subarray(nul + 1, nul + 1 + hashBytes).toString('hex'),
    });
    i = nul + 1 + hashBytes;
  }
  return entries;
}

export interface CommitHeader {
  tree: string;
  parents: string[];
  author: string;
  committer: string;
  message: string;
}

export function parseCommitObject(data: Buffer): CommitHeader {
  const text = data.toString('utf8');
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const commit: CommitHeader = { tree: '', parents: [], author: '', committer: '', message: split === -1 ? '' : text.slice(split + 2) };
  for (const line of head.split('\n')) {
    if (line.startsWith('tree ')) commit.tree = line.slice(5);
    else if (line.startsWith('parent ')) commit.parents.push(line.slice(7));
    else if (line.startsWith('author ')) commit.author = line.slice(7);
    else if (line.startsWith('committer ')) commit.committer = line.slice(10);
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit.tree)) throw new Error('malformed commit object: no tree');
  return commit;
}

/** An annotated tag: the object it points at and that object's type. */
export function parseTagObject(data: Buffer): { object: string; type: string } {
  const text = data.toString('utf8');
  const object = /^object ([0-9a-f]{40,64})$/m.exec(text)?.[1];
  const type = /^type (\w+)$/m.exec(text)?.[1];
  if (!object || !type) throw new Error('malformed tag object');
  return { object, type };
}

/** Normalise the modes git may store (old repositories have 100664 and friends) to the four that matter. */
export function normaliseBlobMode(mode: string): '100644' | '100755' | '120000' | '160000' | '040000' {
  if (mode === '40000' || mode === '040000') return '040000';
  if (mode === '120000') return '120000';
  if (mode === '160000') return '160000';
  return (parseInt(mode, 8) & 0o111) !== 0 ? '100755' : '100644';
}
