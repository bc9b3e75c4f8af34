import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { SarifImportSummary } from '../../../shared/contract/findings.js';
import { anchoredText } from '../../../shared/domain/anchors.js';
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
import type { TreeService } from '../code/tree-service.js';
import type { Workspace } from '../workspace/workspace.js';
import { rangeOnlyAnchorJson, readBlobLines } from './finding-anchors.js';
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

  async import(actor: string, component: string, ref: string, file: string): Promise<SarifImportSummary> {
    const release = await this.releases.resolve(component, ref);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new AppError('NOT_FOUND', 'error.sarifFile.missing', { file });
    if (stat.size > MAX_SARIF_BYTES) throw new AppError('INVALID_INPUT', 'error.sarif.tooLarge', { bytes: stat.size, max: MAX_SARIF_BYTES });
    const parsed = parseSarifLog(await fs.readFile(file), { maxBytes: MAX_SARIF_BYTES });
    const skipped = [...parsed.skipped];
    const entries = new Map((await this.trees.list(component, release.commit)).entries.map((e) => [e.path, e]));
    const fileLines = await readBlobLines(this.workspace, release.gitDir, parsed.results.map((r) => entries.get(r.path)).filter((e) => e !== undefined).map((e) => e.oid));
    const drafts: Array<{ result: ImportedResult; blob: string; linesSha256: string; fingerprint: string }> = [];
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
      // Only the range and its hash are kept (the lines follow from the blob: see finding-anchors.ts).
      const linesSha256 = createHash('sha256').update(anchoredText(lines.slice(result.startLine - 1, result.endLine))).digest('hex');
      const fingerprint = `sarif:${result.fingerprint ?? createHash('sha256').update(`${result.tool}\u0000${result.ruleId}\u0000${result.path}\u0000${linesSha256}`).digest('hex')}`;
      drafts.push({ result, blob: entry.oid, linesSha256, fingerprint });
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
    const ids = timeOrderedIds(fresh.length);
    // Keys are written in canonical (sorted) order, so the ledger writes this large payload with JSON.stringify.
    await this.workspace.db.transaction((tx) =>
      this.ledger.append(tx, actor, 'sarif.imported', {
        commit: release.commit,
        component: release.component.name,
        // The anchored lines and their context are not repeated here: they follow from the blob and the range.
        created: fresh.map((d, i) => ({
          blob: d.blob,
          cwe: d.result.cwe,
          endLine: d.result.endLine,
          findingId: ids[i]!,
          fingerprint: d.fingerprint,
          linesSha256: d.linesSha256,
          message: d.result.message,
          path: d.result.path,
          ruleId: d.result.ruleId,
          severity: d.result.severity,
          startLine: d.result.startLine,
          title: d.result.title,
          tool: d.result.tool,
        })),
        noLongerReported: gone,
        stillReported: reported,
      }),
    );
    return { component: release.component.name, commit: release.commit, results: parsed.results.length, created: fresh.length, updated: reported.length, noLongerReported: gone.length, skipped };
  }

  /** Imported findings as the event says; their anchors keep the range and hash only (see finding-anchors.ts). */
  readonly projections: ProjectionTable = {
    'sarif.imported': async (tx, { actor, at, payload }) => {
      const componentId = await componentIdOf(tx, payload['component']);
      const commit = payload['commit'] as string;
      const created = payload['created'] as ImportedEntry[];
      await insertImported(tx, actor, at, componentId, commit, created);
      for (const [ids, value] of [[payload['stillReported'] as string[], 1], [payload['noLongerReported'] as string[], 0]] as const) {
        for (let i = 0; i < ids.length; i += 500) {
          await tx.run(sql`UPDATE findings SET still_reported = ${value}, updated_at = ${at} WHERE still_reported <> ${value} AND id IN ${sqlList(ids.slice(i, i + 500))}`);
        }
      }
    },
  };

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

async function insertImported(tx: Writable, actor: string, at: string, componentId: string, commit: string, created: readonly ImportedEntry[]): Promise<void> {
  const first = (await tx.get<{ n: number }>(sql`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM findings WHERE component_id = ${componentId}`))!.n;
  await insertJsonRows(
    tx,
    'findings',
    ['id', 'number', 'title', 'description', 'severity', 'cwe', 'fingerprint', 'source', 'rule_id'],
    created.map((c, i) => [c.findingId, first + i, c.title, c.message, c.severity, c.cwe, c.fingerprint, `sarif:${c.tool}`, c.ruleId]),
    { component_id: componentId, status: 'open', commit_id: commit, created_by: actor, created_at: at, updated_at: at },
  );
  await insertJsonRows(
    tx,
    'finding_anchors',
    ['finding_id', 'path', 'blob', 'start_line', 'end_line', 'anchor'],
    created.map((c) => [c.findingId, c.path, c.blob, c.startLine, c.endLine, rangeOnlyAnchorJson(c.linesSha256)]),
    { position: 0, commit_id: commit },
  );
  // No history row per imported finding: its first entry ("imported from <tool>") is read from the finding itself.
}
