import { AppError } from '../errors.js';

/**
 * Line anchors: review threads and findings are written on a line range of one file of one release, and must
 * still point at the same code when the reader opens another release (Gerrit's and GitHub's "comments follow
 * the code, or say outdated"). This file holds the pure part: the anchor, the hunk arithmetic and the snippet
 * search. Reading trees, blobs and diffs is electron/core/review/anchor-resolver.ts.
 */

/** Lines kept on each side of the anchored range, to choose between identical copies of a snippet. */
export const ANCHOR_CONTEXT_LINES = 3;

export interface LineAnchor {
  /** The commit the anchor was written on (full id). */
  commit: string;
  path: string;
  /** The file's blob id in that commit: the same blob anywhere means the same lines. */
  blob: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Lowercase hex SHA-256 of `anchoredText(lines)`. */
  linesSha256: string;
  /** The anchored lines, without line terminators: shown when the anchor is outdated. */
  lines: string[];
  /** Up to ANCHOR_CONTEXT_LINES lines just before and just after the range (fewer at the file's edges). */
  before: string[];
  after: string[];
}

/**
 * One hunk of `git diff -U0`, as in `@@ -oldStart,oldLines +newStart,newLines @@`. With git's convention
 * for an empty side, its start is the line *after which* the change sits (0: at the top of the file):
 * `@@ -5,0 +7 @@` inserts one line after old line 5.
 */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'relocated' | 'outdated';

export interface AnchorPlacement {
  status: AnchorStatus;
  /** Null when outdated: nothing in the release carries the anchored lines. */
  path: string | null;
  startLine: number | null;
  endLine: number | null;
  /** How the place was found, for the reader's "why is this here" and for tests. */
  method: 'same-blob' | 'diff' | 'snippet' | 'none';
}

/** Nothing in the release carries the anchored lines: the reader is shown the anchor's own text. */
export function outdatedPlacement(): AnchorPlacement {
  return { status: 'outdated', path: null, startLine: null, endLine: null, method: 'none' };
}

/**
 * The lines of a text, split at '\n' and '\r\n' (the terminators are not part of a line). A final newline
 * ends the last line rather than starting an empty one, so the count equals what git and editors number.
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The text whose SHA-256 is `linesSha256`: the anchored lines joined with '\n', nothing after the last. */
export function anchoredText(lines: readonly string[]): string {
  return lines.join('\n');
}

/** The anchored lines of a file and their context; a range not inside the file is refused. */
export function anchorParts(fileLines: readonly string[], startLine: number, endLine: number): { lines: string[]; before: string[]; after: string[] } {
  const lineCount = fileLines.length;
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || startLine > endLine || endLine > lineCount) {
    throw new AppError('INVALID_INPUT', 'error.anchor.outsideFile', { startLine, endLine, lineCount });
  }
  return {
    lines: fileLines.slice(startLine - 1, endLine),
    before: fileLines.slice(Math.max(0, startLine - 1 - ANCHOR_CONTEXT_LINES), startLine - 1),
    after: fileLines.slice(endLine, endLine + ANCHOR_CONTEXT_LINES),
  };
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The hunks of a unified diff. Only lines that begin with `@@` are read: content lines always begin with
 * '+', '-', ' ' or '\', so a vendor line that looks like a header cannot be mistaken for one. A side
 * without a count has one line (git leaves out ",1").
 */
export function parseUnifiedZeroHunks(text: string): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('@@')) continue;
    const match = HUNK_HEADER.exec(line);
    if (!match) throw new Error(`malformed hunk header: ${line.slice(0, 120)}`);
    hunks.push({
      oldStart: Number(match[1]),
      oldLines: match[2] === undefined ? 1 : Number(match[2]),
      newStart: Number(match[3]),
      newLines: match[4] === undefined ? 1 : Number(match[4]),
    });
  }
  return hunks;
}

/**
 * Where an unchanged range lands in the new file: shifted by every hunk wholly above it. Null when a hunk
 * changes, removes or inserts lines inside the range: the anchored code itself changed. An insertion right
 * above the first line or right below the last one does not touch the range.
 */
export function mapThroughHunks(startLine: number, endLine: number, hunks: readonly DiffHunk[]): { startLine: number; endLine: number } | null {
  let shift = 0;
  for (const hunk of hunks) {
    if (hunk.oldLines === 0) {
      // An insertion between old lines oldStart and oldStart + 1.
      if (hunk.oldStart < startLine) shift += hunk.newLines;
      else if (hunk.oldStart < endLine) return null;
      continue;
    }
    const oldLast = hunk.oldStart + hunk.oldLines - 1;
    if (oldLast < startLine) shift += hunk.newLines - hunk.oldLines;
    else if (hunk.oldStart <= endLine) return null;
  }
  return { startLine: startLine + shift, endLine: endLine + shift };
}

/**
 * Find the anchored lines in a file, comparing each line without its trailing whitespace (an editor that
 * strips it, or CRLF turned LF, leaves the code the same). Among several copies the one whose context lines
 * agree most wins; then the one nearest the old position; then the earlier one.
 */
export function findSnippet(anchor: Pick<LineAnchor, 'lines' | 'before' | 'after' | 'startLine'>, fileLines: readonly string[]): { startLine: number; endLine: number } | null {
  const wanted = anchor.lines.map(normaliseLine);
  if (wanted.length === 0 || wanted.length > fileLines.length) return null;
  const file = fileLines.map(normaliseLine);
  const before = anchor.before.map(normaliseLine);
  const after = anchor.after.map(normaliseLine);
  let best: { start: number; score: number; distance: number } | null = null;
  for (let i = 0; i + wanted.length <= file.length; i++) {
    if (!matchesAt(file, wanted, i)) continue;
    const start = i + 1;
    const score = contextScore(file, before, after, i, i + wanted.length);
    const distance = Math.abs(start - anchor.startLine);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start, score, distance };
  }
  return best && { startLine: best.start, endLine: best.start + wanted.length - 1 };
}

function normaliseLine(line: string): string {
  return line.trimEnd();
}

function matchesAt(file: readonly string[], wanted: readonly string[], at: number): boolean {
  for (let j = 0; j < wanted.length; j++) if (file[at + j] !== wanted[j]) return false;
  return true;
}

/** How many context lines agree: `before` aligned to end just above `from`, `after` to start at `to`. */
function contextScore(file: readonly string[], before: readonly string[], after: readonly string[], from: number, to: number): number {
  let score = 0;
  for (let k = 1; k <= before.length; k++) if (from - k >= 0 && file[from - k] === before[before.length - k]) score++;
  for (let k = 0; k < after.length; k++) if (to + k < file.length && file[to + k] === after[k]) score++;
  return score;
}
