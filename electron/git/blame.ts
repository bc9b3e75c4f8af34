import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import { NO_DIFF_DRIVERS } from './diff-tree.js';
import { isoFromGitTime } from './identity-line.js';
import { runGit } from './runner.js';

/** Lines `start … start+count-1` of the blamed file came from `originalPath` of `commit`. */
export interface BlameRange {
  start: number;
  count: number;
  commit: string;
  originalPath: string;
  originalStart: number;
}

export interface BlameCommit {
  author: string;
  authorEmail: string;
  authorTime: string;
  summary: string;
}

export interface Blame {
  lines: number;
  ranges: BlameRange[];
  commits: Map<string, BlameCommit>;
}

/**
 * `git blame --porcelain <commit> -- <path>`. Blame takes one literal file name (not a pathspec), so the
 * path goes after `--` as it is; --no-textconv because blame runs textconv drivers by default.
 */
export async function blameFile(gitDir: string, commit: string, path: string, signal?: AbortSignal): Promise<Blame> {
  const { stdout } = await runGit(['blame', '--porcelain', ...NO_DIFF_DRIVERS, commit, '--', path], { gitDir, signal });
  return parseBlamePorcelain(stdout);
}

const LINE_HEADER = /^([0-9a-f]{40,64}) (\d+) (\d+)(?: (\d+))?$/;

/**
 * The porcelain format: each group starts with `<sha> <orig> <final> <count>`, each further line of it with
 * `<sha> <orig> <final>`; a commit's details follow its first appearance only, `filename` whenever it may
 * differ from last time; every line's content follows, prefixed by TAB. Read as latin1 so bytes survive.
 */
export function parseBlamePorcelain(output: Buffer): Blame {
  const lines = output.toString('latin1').split('\n');
  const commits = new Map<string, BlameCommit>();
  const lastPath = new Map<string, string>();
  const ranges: BlameRange[] = [];
  let group: BlameRange | null = null;
  let details: { author: string; authorEmail: string; time: number; tz: string; summary: string } | null = null;
  let total = 0;
  const finishDetails = (commit: string) => {
    if (!details) return;
    commits.set(commit, { author: details.author, authorEmail: details.authorEmail, authorTime: isoFromGitTime(details.time, details.tz), summary: details.summary });
    details = null;
  };
  for (const line of lines) {
    if (line === '') continue;
    if (line.charCodeAt(0) === 0x09) {
      if (!group) throw new Error('blame content before any line header');
      finishDetails(group.commit);
      if (group.originalPath === '') group.originalPath = lastPath.get(group.commit) ?? '';
      total++;
      continue;
    }
    const header = LINE_HEADER.exec(line);
    if (header) {
      if (header[4] === undefined) continue;
      const commit = header[1]!;
      group = { start: Number(header[3]), count: Number(header[4]), commit, originalPath: '', originalStart: Number(header[2]) };
      ranges.push(group);
      if (!commits.has(commit)) details = { author: '', authorEmail: '', time: 0, tz: '+0000', summary: '' };
      continue;
    }
    if (!group) throw new Error(`malformed blame output: ${line.slice(0, 120)}`);
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    const value = space === -1 ? '' : line.slice(space + 1);
    if (key === 'filename') {
      group.originalPath = unquoteGitPath(value);
      lastPath.set(group.commit, group.originalPath);
    } else if (details) {
      if (key === 'author') details.author = utf8(value);
      else if (key === 'author-mail') details.authorEmail = utf8(value).replace(/^<(.*)>$/, '$1');
      else if (key === 'author-time') details.time = Number(value);
      else if (key === 'author-tz') details.tz = value;
      else if (key === 'summary') details.summary = utf8(value);
    }
  }
  return { lines: total, ranges: mergeAdjacent(ranges), commits };
}

/** Git may cut one run of lines into several groups; neighbours from the same place in one commit join. */
function mergeAdjacent(ranges: readonly BlameRange[]): BlameRange[] {
  const merged: BlameRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.commit === range.commit && last.originalPath === range.originalPath && last.start + last.count === range.start && last.originalStart + last.count === range.originalStart) {
      last.count += range.count;
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, '\\': 0x5c };

/** Git quotes a name holding control characters, `"` or `\` C-style; `value` holds raw bytes as latin1. */
export function unquoteGitPath(value: string): string {
  if (!value.startsWith('"') || !value.endsWith('"') || value.length < 2) return decodePathBytes(Buffer.from(value, 'latin1'));
  const bytes: number[] = [];
  for (let i = 1; i < value.length - 1; i++) {
    const char = value[i]!;
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = value[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(value.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return decodePathBytes(Uint8Array.from(bytes));
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
