import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { normaliseBlobMode } from './objects.js';
import { runGit } from './runner.js';

/**
 * A vendor's .gitattributes (or a config someone put into a mirror) can name a diff driver or textconv
 * program; these flags keep every diff-like command from running one.
 */
export const NO_DIFF_DRIVERS = ['--no-ext-diff', '--no-textconv'] as const;

export type ChangeLetter = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
export type EntryMode = '100644' | '100755' | '120000' | '160000';

/** One changed file between two trees: the raw record and its line counts, paired. */
export interface TreeChange {
  letter: ChangeLetter;
  path: string;
  /** The source path of a rename or copy; null otherwise. */
  oldPath: string | null;
  oldMode: EntryMode | null;
  newMode: EntryMode | null;
  oldOid: string | null;
  newOid: string | null;
  /** Null for binary files. */
  additions: number | null;
  deletions: number | null;
}

/**
 * `git diff-tree -r -z -M --raw --numstat` between two commits, or of a root commit against the empty tree
 * (`from` null). Pathspecs go after `--` and must already be literal (`:(literal)…`).
 */
export async function diffTrees(gitDir: string, from: string | null, to: string, pathspecs: readonly string[] = [], signal?: AbortSignal): Promise<TreeChange[]> {
  const commits = from === null ? ['--root', to] : [from, to];
  const args = ['diff-tree', '-r', '-z', '-M', '--raw', '--numstat', '--no-commit-id', ...NO_DIFF_DRIVERS, ...commits, '--', ...pathspecs];
  const { stdout } = await runGit(args, { gitDir, signal });
  return parseDiffTree(stdout);
}

const RAW_HEADER = /^:(\d{6}) (\d{6}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([AMDRCTUX])(\d*)$/;
const NUMSTAT = /^(\d+|-)\t(\d+|-)\t./s;
const NUMSTAT_TWO_PATHS = /^(\d+|-)\t(\d+|-)\t$/;

/**
 * With -z, raw records come first (`:<modes> <oids> <status>` NUL path NUL [path NUL]), then numstat
 * records in the same order (`<add> TAB <del> TAB path NUL`, or for renames `<add> TAB <del> TAB NUL old NUL
 * new NUL`). Paths are raw bytes, decoded one by one.
 */
export function parseDiffTree(output: Buffer): TreeChange[] {
  const tokens = splitNul(output);
  const changes: TreeChange[] = [];
  let i = 0;
  while (i < tokens.length && tokens[i]![0] === 0x3a) {
    const header = RAW_HEADER.exec(tokens[i]!.toString('latin1'));
    if (!header) throw new Error(`malformed diff-tree record: ${tokens[i]!.toString('latin1').slice(0, 120)}`);
    // Two trees have no unmerged (U) or unknown (X) entries.
    if (header[5] === 'U' || header[5] === 'X') throw new Error(`unexpected diff-tree status ${header[5]}`);
    const letter = header[5] as ChangeLetter;
    const twoPaths = letter === 'R' || letter === 'C';
    const first = pathAt(tokens, i + 1);
    const second = twoPaths ? pathAt(tokens, i + 2) : null;
    changes.push({
      letter,
      path: second ?? first,
      oldPath: twoPaths ? first : null,
      oldMode: modeOrNull(header[1]!),
      newMode: modeOrNull(header[2]!),
      oldOid: oidOrNull(header[3]!),
      newOid: oidOrNull(header[4]!),
      additions: null,
      deletions: null,
    });
    i += twoPaths ? 3 : 2;
  }
  for (const change of changes) {
    const token = tokens[i];
    if (!token) throw new Error('diff-tree output has fewer line counts than changes');
    const text = token.toString('latin1');
    // A rename's or copy's numstat record has an empty path field, followed by both paths.
    const counts = (change.oldPath === null ? NUMSTAT : NUMSTAT_TWO_PATHS).exec(text);
    if (!counts) throw new Error(`malformed numstat record: ${text.slice(0, 120)}`);
    change.additions = counts[1] === '-' ? null : Number(counts[1]);
    change.deletions = counts[2] === '-' ? null : Number(counts[2]);
    i += change.oldPath === null ? 1 : 3;
  }
  if (i !== tokens.length) throw new Error('diff-tree output has more line counts than changes');
  return changes;
}

function splitNul(output: Buffer): Buffer[] {
  const tokens: Buffer[] = [];
  let start = 0;
  while (start < output.length) {
    const nul = output.indexOf(0x00, start);
    const end = nul === -1 ? output.length : nul;
    tokens.push(output.subarray(start, end));
    start = end + 1;
  }
  return tokens;
}

function pathAt(tokens: readonly Buffer[], index: number): string {
  const token = tokens[index];
  if (token === undefined) throw new Error('diff-tree record without its path');
  return decodePathBytes(token);
}

function modeOrNull(mode: string): EntryMode | null {
  if (mode === '000000') return null;
  const normalised = normaliseBlobMode(mode);
  if (normalised === '040000') throw new Error('diff-tree reported a tree although it recursed');
  return normalised;
}

function oidOrNull(oid: string): string | null {
  return /^0+$/.test(oid) ? null : oid;
}
