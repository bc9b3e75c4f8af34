import { anchorParts, splitLines, type LineAnchor } from '../../../shared/domain/anchors.js';
import { rawSql } from '../../db/sql.js';
import { decodeText, looksBinary } from '../code/text-decoding.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * How a finding's anchors are stored. A person's finding keeps the whole anchor (range, hash, the lines and
 * their context) as JSON. A scanner's finding keeps only the range and the lines' hash: its text follows
 * from the blob, so an import of 100k results does not write the same lines a second time, and its event
 * (which carries blob, range and hash) projects without reading the repository. The text is filled in from
 * the mirror when the anchor is read.
 */
export interface FindingAnchorRow {
  component_id: string;
  commit_id: string;
  path: string;
  blob: string;
  start_line: number;
  end_line: number;
  anchor: string;
}

/** The anchor column of a scanner's finding: only what the range does not tell. */
export function rangeOnlyAnchorJson(linesSha256: string): string {
  return JSON.stringify({ linesSha256 });
}

/**
 * The anchors of stored rows, in their order. A range-only anchor gets its lines and context from its blob
 * (one pipelined read per mirror); if the mirror lacks the blob, or it is not text, the lines stay empty.
 */
export async function anchorsOfRows(workspace: Workspace, rows: readonly FindingAnchorRow[]): Promise<LineAnchor[]> {
  const stored = rows.map((row) => JSON.parse(row.anchor) as Partial<LineAnchor> & { linesSha256: string });
  const wanted = new Map<string, Set<string>>();
  rows.forEach((row, i) => {
    if (stored[i]!.lines === undefined) wanted.set(row.component_id, (wanted.get(row.component_id) ?? new Set()).add(row.blob));
  });
  const texts = new Map<string, string[] | null>();
  for (const [componentId, blobs] of wanted) {
    for (const [oid, lines] of await readBlobLines(workspace, workspace.paths.mirror(componentId), [...blobs])) texts.set(oid, lines);
  }
  return rows.map((row, i) => {
    const anchor = stored[i]!;
    if (anchor.lines !== undefined) return anchor as LineAnchor;
    const lines = texts.get(row.blob);
    const parts = lines && row.end_line <= lines.length ? anchorParts(lines, row.start_line, row.end_line) : { lines: [], before: [], after: [] };
    return { commit: row.commit_id, path: row.path, blob: row.blob, startLine: row.start_line, endLine: row.end_line, linesSha256: anchor.linesSha256, ...parts };
  });
}

/** The text lines of each blob (null for a binary or missing one), read in one pipelined pass. */
export async function readBlobLines(workspace: Workspace, gitDir: string, oids: readonly string[]): Promise<Map<string, string[] | null>> {
  const lines = new Map<string, string[] | null>();
  await workspace.objects.readEach(gitDir, [...new Set(oids)], (oid, object) => {
    lines.set(oid, object && !looksBinary(object.data) ? splitLines(decodeText(object.data).text) : null);
  });
  return lines;
}

/** The columns `anchorsOfRows` needs, for a query on `finding_anchors a JOIN findings f`. */
export const FINDING_ANCHOR_COLUMNS = rawSql('f.component_id, a.commit_id, a.path, a.blob, a.start_line, a.end_line, a.anchor');
