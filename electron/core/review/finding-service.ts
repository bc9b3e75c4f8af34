import { createHash, randomUUID } from 'node:crypto';
import type { Finding, FindingStatus, Severity } from '../../../shared/contract/findings.js';
import type { LineAnchor } from '../../../shared/domain/anchors.js';
import { parseCvss } from '../../../shared/domain/cvss.js';
import { cweName, parseCweId } from '../../../shared/domain/cwe.js';
import { AppError } from '../../../shared/errors.js';
import type { Writable } from '../../db/connection.js';
import { sql, sqlList, type SqlQuery } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import { noteConflict, type ProjectionTable } from '../events/projector.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ReleaseService, ResolvedRelease } from '../code/release-service.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { Workspace } from '../workspace/workspace.js';
import type { AnchorResolver } from './anchor-resolver.js';
import { anchorsOfRows, FINDING_ANCHOR_COLUMNS, type FindingAnchorRow } from './finding-anchors.js';
import { nextStatusAllowed } from '../../../shared/domain/finding-workflow.js';

export interface FindingRow {
  id: string;
  component_id: string;
  component_name: string;
  number: number;
  title: string;
  description: string;
  severity: Severity;
  cwe: number | null;
  cvss_vector: string | null;
  cvss_score: number | null;
  status: FindingStatus;
  fingerprint: string;
  source: string;
  rule_id: string | null;
  commit_id: string;
  false_positive_by: string | null;
  fixed_in: string | null;
  still_reported: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface RiskRow {
  id: string;
  finding_id: string;
  requested_by: string;
  requested_at: string;
  justification: string;
  expires_at: string;
  approved_by: string | null;
  approved_at: string | null;
  state: 'requested' | 'approved' | 'withdrawn';
}

export interface NewFinding {
  title: string;
  description: string;
  severity: Severity;
  cwe?: string | number;
  cvss?: string;
  locations: ReadonlyArray<{ path: string; startLine: number; endLine: number }>;
}

/** What a finding's stored row needs besides its anchors: shared by manual findings and SARIF imports. */
export interface FindingDraft {
  title: string;
  description: string;
  severity: Severity;
  cwe: number | null;
  cvss: { vector: string; score: number } | null;
  fingerprint: string;
  source: string;
  ruleId: string | null;
  anchors: LineAnchor[];
}

const SELECT = sql`SELECT f.*, c.name AS component_name FROM findings f JOIN components c ON c.id = f.component_id`;

/**
 * Findings: what is wrong, where (line anchors), how bad (severity, CWE, CVSS), and where it stands in the
 * workflow open → confirmed → reported → fixed → closed, with false positive (two people) and risk
 * acceptance (justified, expiring, approved by someone other than its requester) beside it.
 */
export class FindingService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly releases: ReleaseService,
    private readonly anchors: AnchorResolver,
    private readonly ledger: Ledger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(actor: string, component: string, ref: string, input: NewFinding): Promise<Finding> {
    const release = await this.releases.resolve(component, ref);
    const cwe = input.cwe === undefined ? null : parseCweId(input.cwe);
    const cvss = input.cvss === undefined ? null : parseCvss(input.cvss);
    const anchors: LineAnchor[] = [];
    for (const l of input.locations) {
      if (l.endLine < l.startLine) throw new AppError('INVALID_INPUT', 'error.review.rangeReversed', { startLine: l.startLine, endLine: l.endLine });
      anchors.push(await this.anchors.create(release.gitDir, release.commit, l.path, l.startLine, l.endLine));
    }
    const fingerprint = manualFingerprint(input.title, cwe, anchors);
    const existing = await this.workspace.db.read.get<{ number: number }>(sql`SELECT number FROM findings WHERE component_id = ${release.component.id} AND fingerprint = ${fingerprint}`);
    if (existing) throw new AppError('CONFLICT', 'error.finding.duplicate', { number: existing.number });
    const draft: FindingDraft = { title: input.title, description: input.description, severity: input.severity, cwe, cvss: cvss && { vector: cvss.vector, score: cvss.score }, fingerprint, source: 'manual', ruleId: null, anchors };
    const id = randomUUID();
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'finding.added', { findingId: id, component: release.component.name, commit: release.commit, ...draft }));
    return this.get(id, release);
  }

  async list(filter: { component?: string; ref?: string; path?: string; status?: readonly FindingStatus[]; severity?: readonly Severity[] }): Promise<Finding[]> {
    const release = filter.ref && filter.component ? await this.releases.resolve(filter.component, filter.ref) : null;
    const conditions: SqlQuery[] = [];
    const componentId = filter.component ? (await this.components.require(filter.component)).id : null;
    if (filter.severity?.length) conditions.push(sql`f.severity IN ${sqlList([...filter.severity])}`);
    if (filter.path) {
      // Driven from the anchors' path index: a component may hold a hundred thousand findings.
      const ids = await this.workspace.db.read.all<{ finding_id: string }>(sql`SELECT DISTINCT finding_id FROM finding_anchors WHERE path = ${filter.path}`);
      if (ids.length === 0) return [];
      conditions.push(sql`f.id IN ${sqlList(ids.map((r) => r.finding_id))}`);
    } else if (componentId !== null) {
      conditions.push(sql`f.component_id = ${componentId}`);
    }
    let where = sql``;
    conditions.forEach((c, i) => (where = i === 0 ? sql` WHERE ${c}` : sql`${where} AND ${c}`));
    const rows = (await this.workspace.db.read.all<FindingRow>(sql`${SELECT}${where} ORDER BY c.name, f.number`)).filter((r) => componentId === null || r.component_id === componentId);
    const findings = await this.hydrate(rows, release);
    return filter.status?.length ? findings.filter((f) => filter.status!.includes(f.status)) : findings;
  }

  async get(id: string, release: ResolvedRelease | null = null): Promise<Finding> {
    const [finding] = await this.hydrate([await this.row(id)], release);
    return finding!;
  }

  async getOn(id: string, ref: string | undefined): Promise<Finding> {
    const row = await this.row(id);
    return this.get(id, ref ? await this.releases.resolve(row.component_name, ref) : null);
  }

  async setStatus(actor: string, id: string, to: Exclude<FindingStatus, 'risk-accepted'>, comment: string, ref?: string): Promise<Finding> {
    const row = await this.row(id);
    const current = await this.effectiveStatus(row);
    if (current === to) throw new AppError('CONFLICT', 'error.finding.alreadyInStatus', { number: row.number, status: to });
    if (!nextStatusAllowed(current, to)) throw new AppError('CONFLICT', 'error.finding.transition', { number: row.number, from: current, to });
    let fixedIn: string | null = null;
    if (to === 'fixed') fixedIn = await this.checkFixed(row, ref);
    if (to === 'false-positive' && row.false_positive_by !== actor) {
      if (row.false_positive_by === null) {
        // The first person only proposes it; a second person must agree.
        await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'finding.false-positive-proposed', { findingId: id, from: current, comment }));
        return this.getOn(id, ref);
      }
    } else if (to === 'false-positive') {
      throw new AppError('FORBIDDEN', 'error.finding.secondPersonNeeded', { number: row.number, person: actor });
    }
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'finding.status-set', { findingId: id, from: current, to, comment, fixedIn }));
    return this.getOn(id, ref);
  }

  async requestRisk(actor: string, id: string, justification: string, expiresOn: string): Promise<Finding> {
    const row = await this.row(id);
    const current = await this.effectiveStatus(row);
    if (!nextStatusAllowed(current, 'risk-accepted')) throw new AppError('CONFLICT', 'error.finding.transition', { number: row.number, from: current, to: 'risk-accepted' });
    const expires = new Date(`${expiresOn}T23:59:59.999Z`);
    if (Number.isNaN(expires.getTime()) || expires.toISOString().slice(0, 10) !== expiresOn) throw new AppError('INVALID_INPUT', 'error.finding.badDate', { date: expiresOn });
    if (expires <= this.now()) throw new AppError('INVALID_INPUT', 'error.finding.expiryPast', { date: expiresOn });
    const pending = await this.workspace.db.read.get<RiskRow>(sql`SELECT * FROM risk_acceptances WHERE finding_id = ${id} AND state = 'requested'`);
    // A request nobody approved before its own expiry is void: a new one replaces it.
    const lapsed = pending !== undefined && new Date(pending.expires_at) <= this.now();
    if (pending && !lapsed) throw new AppError('CONFLICT', 'error.finding.riskPending', { number: row.number, person: pending.requested_by });
    await this.workspace.db.transaction((tx) =>
      this.ledger.append(tx, actor, 'risk.requested', { findingId: id, riskId: randomUUID(), justification, expiresAt: expires.toISOString(), replaces: lapsed ? pending.id : null }),
    );
    return this.get(id);
  }

  async approveRisk(actor: string, id: string, comment: string): Promise<Finding> {
    const row = await this.row(id);
    const pending = await this.workspace.db.read.get<RiskRow>(sql`SELECT * FROM risk_acceptances WHERE finding_id = ${id} AND state = 'requested'`);
    if (!pending) throw new AppError('NOT_FOUND', 'error.finding.noRiskRequest', { number: row.number });
    if (pending.requested_by === actor) throw new AppError('FORBIDDEN', 'error.finding.ownRiskRequest', { number: row.number, person: actor });
    if (new Date(pending.expires_at) <= this.now()) throw new AppError('CONFLICT', 'error.finding.expiryPast', { date: pending.expires_at.slice(0, 10) });
    const current = await this.effectiveStatus(row);
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'risk.approved', { findingId: id, riskId: pending.id, from: current, comment }));
    return this.get(id);
  }

  /** Fixed means the anchored code changed in a later release: every anchor is outdated there. */
  private async checkFixed(row: FindingRow, ref: string | undefined): Promise<string> {
    if (!ref) throw new AppError('INVALID_INPUT', 'error.finding.fixNeedsRelease', { number: row.number });
    const release = await this.releases.resolve(row.component_name, ref);
    if (release.commit === row.commit_id) throw new AppError('CONFLICT', 'error.finding.fixSameRelease', { number: row.number });
    for (const anchor of await this.anchorsOf(row.id)) {
      const placement = await this.anchors.place(anchor, release.gitDir, release.commit);
      if (placement.status !== 'outdated') {
        throw new AppError('CONFLICT', 'error.finding.stillPresent', { number: row.number, path: placement.path ?? anchor.path, line: placement.startLine ?? anchor.startLine, ref });
      }
    }
    return release.commit;
  }

  private async effectiveStatus(row: FindingRow): Promise<FindingStatus> {
    if (row.status !== 'risk-accepted') return row.status;
    const risk = await this.workspace.db.read.get<RiskRow>(sql`SELECT * FROM risk_acceptances WHERE finding_id = ${row.id} AND state = 'approved'`);
    return risk && new Date(risk.expires_at) > this.now() ? 'risk-accepted' : 'open';
  }

  private async row(id: string): Promise<FindingRow> {
    const row = await this.workspace.db.read.get<FindingRow>(sql`${SELECT} WHERE f.id = ${id}`);
    if (!row) throw new AppError('NOT_FOUND', 'error.finding.notFound', { id });
    return row;
  }

  private async anchorsOf(id: string): Promise<LineAnchor[]> {
    const rows = await this.workspace.db.read.all<FindingAnchorRow>(
      sql`SELECT ${FINDING_ANCHOR_COLUMNS} FROM finding_anchors a JOIN findings f ON f.id = a.finding_id WHERE a.finding_id = ${id} ORDER BY a.position`,
    );
    return anchorsOfRows(this.workspace, rows);
  }

  private async hydrate(rows: readonly FindingRow[], release: ResolvedRelease | null): Promise<Finding[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const anchorRows = await this.workspace.db.read.all<FindingAnchorRow & { finding_id: string }>(
      sql`SELECT a.finding_id, ${FINDING_ANCHOR_COLUMNS} FROM finding_anchors a JOIN findings f ON f.id = a.finding_id WHERE a.finding_id IN ${sqlList(ids)} ORDER BY a.finding_id, a.position`,
    );
    const anchorsByFinding = new Map<string, LineAnchor[]>();
    (await anchorsOfRows(this.workspace, anchorRows)).forEach((anchor, i) => {
      const id = anchorRows[i]!.finding_id;
      anchorsByFinding.set(id, [...(anchorsByFinding.get(id) ?? []), anchor]);
    });
    const risks = await this.workspace.db.read.all<RiskRow>(sql`SELECT * FROM risk_acceptances WHERE finding_id IN ${sqlList(ids)} AND state IN ('requested', 'approved') ORDER BY requested_at`);
    const history = await this.workspace.db.read.all<HistoryRow>(
      sql`SELECT finding_id, actor, at, from_status, to_status, comment FROM finding_history WHERE finding_id IN ${sqlList(ids)} ORDER BY id`,
    );
    const now = this.now();
    const findings: Finding[] = [];
    for (const row of rows) {
      const locations = [];
      for (const anchor of anchorsByFinding.get(row.id) ?? []) {
        const placement = release && release.component.id === row.component_id ? await this.anchors.place(anchor, release.gitDir, release.commit) : null;
        locations.push({ anchor, placement });
      }
      const riskRows = risks.filter((r) => r.finding_id === row.id);
      const risk = riskRows.find((r) => r.state === 'approved') ?? riskRows.find((r) => r.state === 'requested') ?? null;
      const expired = risk !== null && new Date(risk.expires_at) <= now;
      const cvss = row.cvss_vector ? parseCvss(row.cvss_vector) : null;
      findings.push({
        id: row.id,
        number: row.number,
        component: row.component_name,
        title: row.title,
        description: row.description,
        severity: row.severity,
        cwe: row.cwe === null ? null : { id: row.cwe, name: cweName(row.cwe) ?? '' },
        cvss: cvss && { version: cvss.version, vector: cvss.vector, score: cvss.score, severity: cvss.severity },
        status: row.status === 'risk-accepted' && (risk?.state !== 'approved' || expired) ? 'open' : row.status,
        fingerprint: row.fingerprint,
        source: row.source,
        ruleId: row.rule_id,
        commit: row.commit_id,
        stillReported: row.still_reported === 1,
        falsePositiveProposedBy: row.false_positive_by,
        fixedIn: row.fixed_in,
        createdBy: row.created_by,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        locations,
        risk: risk && {
          id: risk.id,
          requestedBy: risk.requested_by,
          requestedAt: risk.requested_at,
          justification: risk.justification,
          expiresAt: risk.expires_at,
          approvedBy: risk.approved_by,
          approvedAt: risk.approved_at,
          state: risk.state,
          expired,
        },
        history: historyOf(row, history),
      });
    }
    return findings;
  }
}

type HistoryRow = { finding_id: string; actor: string; at: string; from_status: string | null; to_status: string; comment: string };

/** A finding's history; an imported finding's first entry is its import, told by the finding row itself. */
function historyOf(row: FindingRow, rows: readonly HistoryRow[]): Finding['history'] {
  const own = rows.filter((h) => h.finding_id === row.id).map((h) => ({ actor: h.actor, at: h.at, from: h.from_status, to: h.to_status, comment: h.comment }));
  if (row.source.startsWith('sarif:') && !own.some((h) => h.from === null)) own.unshift({ actor: row.created_by, at: row.created_at, from: null, to: 'open', comment: `imported from ${row.source.slice(6)}` });
  return own;
}

/** Insert a finding's row, anchors and first history entry. */
export async function insertFinding(tx: Writable, actor: string, componentId: string, commit: string, id: string, draft: FindingDraft, at: string): Promise<void> {
  const next = await tx.get<{ n: number }>(sql`SELECT COALESCE(MAX(number), 0) + 1 AS n FROM findings WHERE component_id = ${componentId}`);
  await tx.run(sql`INSERT INTO findings (id, component_id, number, title, description, severity, cwe, cvss_vector, cvss_score, status, fingerprint, source, rule_id, commit_id, created_by, created_at, updated_at)
    VALUES (${id}, ${componentId}, ${next!.n}, ${draft.title}, ${draft.description}, ${draft.severity}, ${draft.cwe}, ${draft.cvss?.vector ?? null}, ${draft.cvss?.score ?? null},
      'open', ${draft.fingerprint}, ${draft.source}, ${draft.ruleId}, ${commit}, ${actor}, ${at}, ${at})`);
  for (const [position, anchor] of draft.anchors.entries()) {
    await tx.run(sql`INSERT INTO finding_anchors (finding_id, position, commit_id, path, blob, start_line, end_line, anchor)
      VALUES (${id}, ${position}, ${anchor.commit}, ${anchor.path}, ${anchor.blob}, ${anchor.startLine}, ${anchor.endLine}, ${JSON.stringify(anchor)})`);
  }
  await tx.run(sql`INSERT INTO finding_history (finding_id, actor, at, from_status, to_status, comment) VALUES (${id}, ${actor}, ${at}, NULL, 'open', '')`);
}

const str = (value: unknown): string => value as string;

/** Findings, their history and risk acceptances as the events say. */
export const findingProjections: ProjectionTable = {
  async 'finding.added'(tx, { actor, at, payload }) {
    await insertFinding(tx, actor, await componentIdOf(tx, payload['component']), str(payload['commit']), str(payload['findingId']), payload as unknown as FindingDraft, at);
  },
  async 'finding.false-positive-proposed'(tx, { actor, at, payload }) {
    const id = str(payload['findingId']);
    await tx.run(sql`UPDATE findings SET false_positive_by = ${actor}, updated_at = ${at} WHERE id = ${id}`);
    await tx.run(sql`INSERT INTO finding_history (finding_id, actor, at, from_status, to_status, comment) VALUES (${id}, ${actor}, ${at}, ${str(payload['from'])}, 'false-positive-proposed', ${str(payload['comment'])})`);
  },
  async 'finding.status-set'(tx, event) {
    const { actor, at, payload } = event;
    const id = str(payload['findingId']);
    const to = str(payload['to']);
    const from = str(payload['from']);
    const row = await tx.get<{ status: string; fixed_in: string | null; false_positive_by: string | null }>(sql`SELECT status, fixed_in, false_positive_by FROM findings WHERE id = ${id}`);
    if (!row) throw new AppError('INTEGRITY', 'error.finding.notFound', { id });
    // The signer saw `from`; if an event ordered before this one (from another workstation) changed the
    // status meanwhile, the two were concurrent: this one still applies, in ledger order, and is noted.
    const lapsed = row.status === 'risk-accepted' && from === 'open';
    if (from !== row.status && !lapsed) await noteConflict(tx, event, 'concurrent', `finding:${id}`, `${event.actor} set ${from} → ${to}, but it was already ${row.status}`);
    await tx.run(sql`UPDATE findings SET status = ${to}, fixed_in = ${to === 'fixed' ? (payload['fixedIn'] as string | null) : row.fixed_in},
      false_positive_by = ${to === 'false-positive' ? row.false_positive_by : null}, updated_at = ${at} WHERE id = ${id}`);
    // Leaving a lapsed acceptance (stored as accepted, effectively open) withdraws it.
    if (from !== row.status) await tx.run(sql`UPDATE risk_acceptances SET state = 'withdrawn' WHERE finding_id = ${id} AND state = 'approved'`);
    await tx.run(sql`INSERT INTO finding_history (finding_id, actor, at, from_status, to_status, comment) VALUES (${id}, ${actor}, ${at}, ${from}, ${to}, ${str(payload['comment'])})`);
  },
  async 'risk.requested'(tx, { actor, at, payload }) {
    const id = str(payload['findingId']);
    if (payload['replaces']) await tx.run(sql`UPDATE risk_acceptances SET state = 'withdrawn' WHERE id = ${str(payload['replaces'])}`);
    await tx.run(sql`INSERT INTO risk_acceptances (id, finding_id, requested_by, requested_at, justification, expires_at, state)
      VALUES (${str(payload['riskId'])}, ${id}, ${actor}, ${at}, ${str(payload['justification'])}, ${str(payload['expiresAt'])}, 'requested')`);
    await tx.run(sql`UPDATE findings SET updated_at = ${at} WHERE id = ${id}`);
  },
  async 'risk.approved'(tx, { actor, at, payload }) {
    const id = str(payload['findingId']);
    const riskId = str(payload['riskId']);
    const risk = await tx.get<{ justification: string }>(sql`SELECT justification FROM risk_acceptances WHERE id = ${riskId}`);
    if (!risk) throw new AppError('INTEGRITY', 'error.finding.noRiskRequest', { number: 0 });
    await tx.run(sql`UPDATE risk_acceptances SET state = 'withdrawn' WHERE finding_id = ${id} AND state = 'approved'`);
    await tx.run(sql`UPDATE risk_acceptances SET state = 'approved', approved_by = ${actor}, approved_at = ${at} WHERE id = ${riskId}`);
    await tx.run(sql`UPDATE findings SET status = 'risk-accepted', updated_at = ${at} WHERE id = ${id}`);
    await tx.run(sql`INSERT INTO finding_history (finding_id, actor, at, from_status, to_status, comment) VALUES (${id}, ${actor}, ${at}, ${str(payload['from'])}, 'risk-accepted', ${str(payload['comment']) || risk.justification})`);
  },
};

/** The same problem on the same code is the same finding, whoever reports it and however it is worded. */
export function manualFingerprint(title: string, cwe: number | null, anchors: readonly LineAnchor[]): string {
  const where = anchors.map((a) => `${a.path}\u0000${a.linesSha256}`).sort().join('\u0001');
  const what = cwe === null ? title.trim().toLowerCase().replace(/\s+/g, ' ') : `cwe-${cwe}`;
  return `sha256:${createHash('sha256').update(`${what}\u0002${where}`).digest('hex')}`;
}
