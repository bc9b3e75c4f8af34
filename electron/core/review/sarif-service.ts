import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { SarifImportSummary } from '../../../shared/contract/findings.js';
import { splitLines, type LineAnchor } from '../../../shared/domain/anchors.js';
import { AppError } from '../../../shared/errors.js';
import { insertJsonRows } from '../../db/bulk.js';
import { sql, sqlList } from '../../db/sql.js';
import { APP_VERSION } from '../app-version.js';
import type { Ledger } from '../events/ledger.js';
import { timeOrderedIds } from '../events/time-ordered-ids.js';
import type { ProjectionTable } from '../events/projector.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { Writable } from '../../db/connection.js';
import type { ReleaseService } from '../code/release-service.js';
import { decodeText, looksBinary } from '../code/text-decoding.js';
import type { TreeService } from '../code/tree-service.js';
import type { Workspace } from '../workspace/workspace.js';
import { anchorOnLines } from './anchor-resolver.js';
import type { FindingService } from './finding-service.js';
import { exportSarif } from './sarif/sarif-export.js';
import { parseSarifLog, type ImportedResult } from './sarif/sarif-import.js';

const MAX_SARIF_BYTES = 256 * 1024 * 1024;

/**
 * Scanner output in, our findings out, as SARIF 2.1.0. An import adds what is new, refreshes what it
 * reports again (matched by fingerprint) and flags what it no longer reports — it never closes a finding:
 * only a person does that.
 */
export class SarifService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly trees: TreeService,
    private readonly findings: FindingService,
    private readonly ledger: Ledger,
  ) {}

  /** Anchors the import just built, by fingerprint, so its own projection does not read the blobs again. */
  private prepared = new Map<string, LineAnchor>();

  async import(actor: string, component: string, ref: string, file: string): Promise<SarifImportSummary> {
    const release = await this.releases.resolve(component, ref);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new AppError('NOT_FOUND', 'error.sarifFile.missing', { file });
    if (stat.size > MAX_SARIF_BYTES) throw new AppError('INVALID_INPUT', 'error.sarif.tooLarge', { bytes: stat.size, max: MAX_SARIF_BYTES });
    const parsed = parseSarifLog(await fs.readFile(file), { maxBytes: MAX_SARIF_BYTES });
    const skipped = [...parsed.skipped];
    const entries = new Map((await this.trees.list(component, release.commit)).entries.map((e) => [e.path, e]));
    const fileLines = await this.readLines(release.gitDir, parsed.results.map((r) => entries.get(r.path)).filter((e) => e !== undefined).map((e) => e.oid));
    const drafts: Array<{ result: ImportedResult; anchor: LineAnchor; fingerprint: string }> = [];
    for (const [index, result] of parsed.results.entries()) {
      const entry = entries.get(result.path);
      if (!entry || (entry.mode !== '100644' && entry.mode !== '100755')) {
        skipped.push({ index, reason: `${result.path} is not a file of ${release.component.name}@${release.commit.slice(0, 12)}` });
        continue;
      }
      const lines = fileLines.get(entry.oid) ?? null;
      if (lines === null || result.endLine > lines.length || result.startLine > result.endLine) {
        skipped.push({ index, reason: `lines ${result.startLine}-${result.endLine} are outside ${result.path}` });
        continue;
      }
      const anchor = anchorOnLines(release.commit, result.path, entry.oid, lines, result.startLine, result.endLine);
      const fingerprint = `sarif:${result.fingerprint ?? createHash('sha256').update(`${result.tool}\u0000${result.ruleId}\u0000${result.path}\u0000${anchor.linesSha256}`).digest('hex')}`;
      drafts.push({ result, anchor, fingerprint });
    }

    const known = new Map(
      (await this.workspace.db.read.all<{ id: string; fingerprint: string; source: string }>(sql`SELECT id, fingerprint, source FROM findings WHERE component_id = ${release.component.id}`)).map((r) => [
        r.fingerprint,
        r,
      ]),
    );
    const tools = new Set(parsed.results.map((r) => `sarif:${r.tool}`));
    const seen = new Set<string>();
    const fresh = drafts.filter((d) => {
      if (known.has(d.fingerprint) || seen.has(d.fingerprint)) {
        seen.add(d.fingerprint);
        return false;
      }
      seen.add(d.fingerprint);
      return true;
    });
    const reported = [...known.values()].filter((k) => seen.has(k.fingerprint)).map((k) => k.id);
    const gone = [...known.values()].filter((k) => tools.has(k.source) && !seen.has(k.fingerprint)).map((k) => k.id);
    this.prepared = new Map(fresh.map((d) => [d.fingerprint, d.anchor]));
    const ids = timeOrderedIds(fresh.length);
    try {
      await this.workspace.db.transaction((tx) =>
        this.ledger.append(tx, actor, 'sarif.imported', {
          component: release.component.name,
          commit: release.commit,
          // The anchored lines and their context are not repeated here: they follow from the blob and the range.
          created: fresh.map((d, i) => ({
            findingId: ids[i]!,
            fingerprint: d.fingerprint,
            tool: d.result.tool,
            ruleId: d.result.ruleId,
            title: d.result.title,
            message: d.result.message,
            severity: d.result.severity,
            cwe: d.result.cwe,
            path: d.anchor.path,
            blob: d.anchor.blob,
            startLine: d.anchor.startLine,
            endLine: d.anchor.endLine,
            linesSha256: d.anchor.linesSha256,
          })),
          stillReported: reported,
          noLongerReported: gone,
        }),
      );
    } finally {
      this.prepared.clear();
    }
    return { component: release.component.name, commit: release.commit, results: parsed.results.length, created: fresh.length, updated: reported.length, noLongerReported: gone.length, skipped };
  }

  /** Imported findings as the event says; anchors are rebuilt from the blobs when not just built. */
  readonly projections: ProjectionTable = {
    'sarif.imported': async (tx, { actor, at, payload }) => {
      const componentId = await componentIdOf(tx, payload['component']);
      const commit = payload['commit'] as string;
      const created = payload['created'] as ImportedEntry[];
      const missing = created.filter((c) => this.prepared.get(c.fingerprint)?.blob !== c.blob);
      const lines = missing.length ? await this.readLines(this.workspace.paths.mirror(componentId), missing.map((c) => c.blob)) : new Map<string, string[] | null>();
      const anchors = created.map((c) => {
        const ready = this.prepared.get(c.fingerprint);
        if (ready?.blob === c.blob && ready.startLine === c.startLine && ready.endLine === c.endLine) return ready;
        const text = lines.get(c.blob);
        if (!text) throw new AppError('INTEGRITY', 'error.audit.blobMissing', { blob: c.blob, path: c.path });
        const anchor = anchorOnLines(commit, c.path, c.blob, text, c.startLine, c.endLine);
        if (anchor.linesSha256 !== c.linesSha256) throw new AppError('INTEGRITY', 'error.audit.blobMissing', { blob: c.blob, path: c.path });
        return anchor;
      });
      await insertImported(tx, actor, at, componentId, commit, created, anchors);
      for (const [ids, value] of [[payload['stillReported'] as string[], 1], [payload['noLongerReported'] as string[], 0]] as const) {
        for (let i = 0; i < ids.length; i += 500) {
          await tx.run(sql`UPDATE findings SET still_reported = ${value}, updated_at = ${at} WHERE still_reported <> ${value} AND id IN ${sqlList(ids.slice(i, i + 500))}`);
        }
      }
    },
  };

  /** The text lines of every blob results point into (null for a binary or missing one). */
  private async readLines(gitDir: string, oids: readonly string[]): Promise<Map<string, string[] | null>> {
    const lines = new Map<string, string[] | null>();
    await this.workspace.objects.readEach(gitDir, [...new Set(oids)], (oid, object) => {
      lines.set(oid, object && !looksBinary(object.data) ? splitLines(decodeText(object.data).text) : null);
    });
    return lines;
  }

  async export(component: string, ref: string): Promise<Record<string, unknown>> {
    const findings = await this.findings.list({ component, ref });
    return exportSarif({
      toolName: 'Escrow Workbench',
      toolVersion: APP_VERSION,
      findings: findings.map((f) => ({
        id: f.id,
        title: f.title,
        description: f.description,
        severity: f.severity,
        cwe: f.cwe?.id ?? null,
        cvss: f.cvss && { vector: f.cvss.vector, score: f.cvss.score },
        status: f.status,
        fingerprint: f.fingerprint,
        locations: f.locations.map((l) => ({ component: f.component, commit: l.anchor.commit, path: l.placement?.path ?? l.anchor.path, startLine: l.placement?.startLine ?? l.anchor.startLine, endLine: l.placement?.endLine ?? l.anchor.endLine })),
      })),
    }) as Record<string, unknown>;
  }
}

interface ImportedEntry {
  findingId: string;
  fingerprint: string;
  tool: string;
  ruleId: string | null;
  title: string;
  message: string;
  severity: string;
  cwe: number | null;
  path: string;
  blob: string;
  startLine: number;
  endLine: number;
  linesSha256: string;
}

async function insertImported(tx: Writable, actor: string, at: string, componentId: string, commit: string, created: readonly ImportedEntry[], anchors: readonly LineAnchor[]): Promise<void> {
  const first = (await tx.get<{ n: number }>(sql`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM findings WHERE component_id = ${componentId}`))!.n;
  await insertJsonRows(
    tx,
    'findings',
    ['id', 'component_id', 'number', 'title', 'description', 'severity', 'cwe', 'status', 'fingerprint', 'source', 'rule_id', 'commit_id', 'created_by', 'created_at', 'updated_at'],
    created.map((c, i) => [c.findingId, componentId, first + i, c.title, c.message, c.severity, c.cwe, 'open', c.fingerprint, `sarif:${c.tool}`, c.ruleId, commit, actor, at, at]),
  );
  await insertJsonRows(
    tx,
    'finding_anchors',
    ['finding_id', 'position', 'commit_id', 'path', 'blob', 'start_line', 'end_line', 'anchor'],
    created.map((c, i) => [c.findingId, 0, commit, c.path, c.blob, c.startLine, c.endLine, JSON.stringify(anchors[i])]),
  );
  // No history row per imported finding: its first entry ("imported from <tool>") is read from the finding itself.
}
