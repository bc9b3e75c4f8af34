import type { TreeEntry } from '../../../shared/contract/code.js';
import type { CoverageTotals, ReleaseCoverage } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/errors.js';
import { insertRows } from '../../db/bulk.js';
import { sql, sqlList } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import type { ProjectionTable } from '../events/projector.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ReleaseService, ResolvedRelease } from '../code/release-service.js';
import { looksBinary } from '../code/text-decoding.js';
import type { TreeService } from '../code/tree-service.js';
import type { Workspace } from '../workspace/workspace.js';
import { criteriaCountingFor, type CriteriaService } from './criteria.js';
import { LineSet } from './line-set.js';

interface MarkRow {
  blob: string;
  commit_id: string;
  criterion: string;
  reviewer: string;
  start_line: number | null;
  end_line: number | null;
}

const isReviewable = (e: TreeEntry) => e.mode === '100644' || e.mode === '100755';

/**
 * Review coverage. A mark says: this person read these lines (or the whole file) of this blob against this
 * criterion. Credit is keyed by blob id, so in a later release every unchanged file keeps its credit and
 * only what changed is left to read.
 */
export class CoverageService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly trees: TreeService,
    private readonly criteria: CriteriaService,
    private readonly ledger: Ledger,
  ) {}

  async mark(actor: string, component: string, ref: string, paths: readonly string[], criterion: string, startLine?: number, endLine?: number): Promise<{ marked: number; commit: string }> {
    const release = await this.releases.resolve(component, ref);
    await this.criteria.require(component, criterion);
    const ranged = startLine !== undefined || endLine !== undefined;
    if (ranged && (startLine === undefined || endLine === undefined)) throw new AppError('INVALID_INPUT', 'error.review.rangeIncomplete', {});
    if (ranged && paths.length !== 1) throw new AppError('INVALID_INPUT', 'error.review.rangeOneFile', { count: paths.length });
    if (ranged && endLine! < startLine!) throw new AppError('INVALID_INPUT', 'error.review.rangeReversed', { startLine: startLine!, endLine: endLine! });
    const byPath = new Map((await this.trees.list(component, release.commit)).entries.map((e) => [e.path, e]));
    const targets = [...new Set(paths)].map((path) => {
      const entry = byPath.get(path);
      if (!entry) throw new AppError('NOT_FOUND', 'error.path.notFound', { component: release.component.name, ref: release.refname ?? release.commit, path });
      if (!isReviewable(entry)) throw new AppError('INVALID_INPUT', 'error.review.notAFile', { path });
      return entry;
    });
    if (ranged) {
      const { lines } = (await this.lineCounts(release, [targets[0]!.oid])).get(targets[0]!.oid)!;
      if (endLine! > lines) throw new AppError('INVALID_INPUT', 'error.anchor.outsideFile', { startLine: startLine!, endLine: endLine!, lineCount: lines });
    }
    await this.workspace.db.transaction((tx) =>
      this.ledger.append(tx, actor, 'review.marked', {
        component: release.component.name,
        commit: release.commit,
        criterion,
        files: targets.map((t) => ({ path: t.path, blob: t.oid })),
        lines: ranged ? { startLine, endLine } : null,
      }),
    );
    return { marked: targets.length, commit: release.commit };
  }

  async coverage(component: string, ref: string, forCriterion: string, listFiles: 'all' | 'reviewed' = 'all'): Promise<ReleaseCoverage> {
    const release = await this.releases.resolve(component, ref);
    const criteria = await this.criteria.require(component, forCriterion);
    const files = (await this.trees.list(component, release.commit)).entries.filter(isReviewable);
    const counts = await this.lineCounts(release, [...new Set(files.map((f) => f.oid))]);
    const marks = await this.workspace.db.read.all<MarkRow>(
      sql`SELECT blob, commit_id, criterion, reviewer, start_line, end_line FROM review_marks WHERE component_id = ${release.component.id}`,
    );
    const marksByBlob = new Map<string, MarkRow[]>();
    for (const m of marks) marksByBlob.set(m.blob, [...(marksByBlob.get(m.blob) ?? []), m]);

    const perCriterion = criteria.map((c) => {
      const counting = criteriaCountingFor(c.name, criteria);
      const combined = emptyTotals();
      const byPerson = new Map<string, CoverageTotals>();
      let carriedFiles = 0;
      const fileRows: ReleaseCoverage['files'] = [];
      for (const file of files) {
        const lines = counts.get(file.oid)!.lines;
        const marked = marksByBlob.get(file.oid);
        if (marked === undefined) {
          // Most files of a large release carry no mark at all: nothing to merge.
          add(combined, lines, 0, false);
          if (c.name === forCriterion && listFiles === 'all') fileRows.push({ path: file.path, lines, reviewedLines: 0, reviewers: [] });
          continue;
        }
        const relevant = marked.filter((m) => counting.has(m.criterion));
        const all = new LineSet();
        const people = new Map<string, LineSet>();
        for (const m of relevant) {
          const set = people.get(m.reviewer) ?? new LineSet();
          if (m.start_line === null) set.add(1, Math.max(lines, 1));
          else set.add(m.start_line, Math.min(m.end_line!, lines));
          people.set(m.reviewer, set);
          if (m.start_line === null) all.add(1, Math.max(lines, 1));
          else all.add(m.start_line, Math.min(m.end_line!, lines));
        }
        const reviewed = Math.min(all.size, lines);
        add(combined, lines, reviewed, relevant.length > 0 && all.covers(1, Math.max(lines, 1)));
        for (const [person, set] of people) {
          const totals = byPerson.get(person) ?? emptyTotals();
          add(totals, 0, Math.min(set.size, lines), set.covers(1, Math.max(lines, 1)));
          byPerson.set(person, totals);
        }
        if (relevant.length > 0 && relevant.every((m) => m.commit_id !== release.commit)) carriedFiles++;
        if (c.name === forCriterion && (listFiles === 'all' || reviewed > 0)) fileRows.push({ path: file.path, lines, reviewedLines: reviewed, reviewers: [...people.keys()].sort() });
      }
      return {
        criterion: c.name,
        combined,
        byPerson: [...byPerson].sort(([a], [b]) => a.localeCompare(b)).map(([person, totals]) => ({ person, totals: { ...totals, files: combined.files, lines: combined.lines } })),
        backlogLines: combined.lines - combined.linesReviewed,
        carriedFiles,
        fileRows,
      };
    });
    const chosen = perCriterion.find((c) => c.criterion === forCriterion)!;
    return {
      component: release.component.name,
      commit: release.commit,
      criterion: forCriterion,
      criteria: perCriterion.map(({ fileRows: _rows, ...rest }) => rest),
      files: chosen.fileRows,
    };
  }

  /** Line counts by blob id, kept in memory too: a blob never changes, and a 100k-file release asks for all of them on every gate. */
  private readonly knownCounts = new Map<string, { lines: number; binary: boolean }>();

  private remember(blob: string, count: { lines: number; binary: boolean }): { lines: number; binary: boolean } {
    if (this.knownCounts.size >= KNOWN_COUNTS_KEPT) this.knownCounts.delete(this.knownCounts.keys().next().value!);
    this.knownCounts.set(blob, count);
    return count;
  }

  /** Lines per blob (binary files count 0), read once per blob and kept: a blob never changes. */
  private async lineCounts(release: ResolvedRelease, blobs: readonly string[]): Promise<Map<string, { lines: number; binary: boolean }>> {
    const counts = new Map<string, { lines: number; binary: boolean }>();
    const unknown: string[] = [];
    for (const blob of blobs) {
      const known = this.knownCounts.get(blob);
      if (known) counts.set(blob, known);
      else unknown.push(blob);
    }
    for (let i = 0; i < unknown.length; i += 500) {
      const chunk = unknown.slice(i, i + 500);
      const rows = await this.workspace.db.read.all<{ blob: string; lines: number; binary: number }>(sql`SELECT blob, lines, binary FROM blob_lines WHERE blob IN ${sqlList(chunk)}`);
      for (const r of rows) counts.set(r.blob, this.remember(r.blob, { lines: r.lines, binary: r.binary === 1 }));
    }
    const missing = unknown.filter((b) => !counts.has(b));
    const fresh: Array<[string, number, number]> = [];
    await this.workspace.objects.readEach(release.gitDir, missing, (blob, object) => {
      if (!object) throw new AppError('INTEGRITY', 'error.mirror.objectMissing', { oid: blob, type: 'blob' });
      const binary = looksBinary(object.data);
      const lines = binary ? 0 : countLines(object.data);
      counts.set(blob, this.remember(blob, { lines, binary }));
      fresh.push([blob, lines, binary ? 1 : 0]);
    });
    // A read-only window (another process holds the lock) counts again next time rather than write.
    if (fresh.length > 0 && this.workspace.writable) {
      await this.workspace.db.transaction((tx) => insertRows(tx, 'blob_lines', ['blob', 'lines', 'binary'], fresh, 'ON CONFLICT (blob) DO NOTHING'));
    }
    return counts;
  }
}

/** About 100 bytes each: a million blobs' counts are 100 MB at most. */
const KNOWN_COUNTS_KEPT = 1_000_000;

function countLines(data: Buffer): number {
  if (data.length === 0) return 0;
  let lines = 0;
  for (let i = data.indexOf(0x0a); i !== -1; i = data.indexOf(0x0a, i + 1)) lines++;
  return data[data.length - 1] === 0x0a ? lines : lines + 1;
}

function emptyTotals(): CoverageTotals {
  return { files: 0, filesReviewed: 0, lines: 0, linesReviewed: 0 };
}

function add(totals: CoverageTotals, lines: number, reviewed: number, whole: boolean): void {
  totals.files += lines >= 0 ? 1 : 0;
  totals.lines += lines;
  totals.linesReviewed += reviewed;
  if (whole) totals.filesReviewed++;
}

export const coverageProjections: ProjectionTable = {
  async 'review.marked'(tx, { actor, at, payload }) {
    const componentId = await componentIdOf(tx, payload['component']);
    const lines = payload['lines'] as { startLine: number; endLine: number } | null;
    await insertRows(
      tx,
      'review_marks',
      ['component_id', 'blob', 'path', 'commit_id', 'criterion', 'reviewer', 'start_line', 'end_line', 'marked_at'],
      (payload['files'] as { path: string; blob: string }[]).map((f) => [componentId, f.blob, f.path, payload['commit'] as string, payload['criterion'] as string, actor, lines?.startLine ?? null, lines?.endLine ?? null, at]),
    );
  },
};
