import type { FindingStatus, Severity } from '../../../shared/contract/findings.js';
import type { LineAnchor } from '../../../shared/domain/anchors.js';
import type { Gate, GateRequirement, Policy } from '../../../shared/contract/trust.js';
import { exceedsLimit, OPEN_FINDING_STATUSES } from '../../../shared/domain/policy.js';
import { SIGNING_ROLES, type SigningRole } from '../../../shared/domain/roles.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService, ResolvedRelease } from '../code/release-service.js';
import type { ReleasePinService } from '../releases/release-pins.js';
import type { CoverageService } from '../review/coverage-service.js';
import type { AnchorResolver } from '../review/anchor-resolver.js';
import { anchorsOfRows, FINDING_ANCHOR_COLUMNS, type FindingAnchorRow } from '../review/finding-anchors.js';
import type { TreeService } from '../code/tree-service.js';
import type { Workspace } from '../workspace/workspace.js';
import type { PolicyService } from './policy-service.js';
import { latestDecisions, type SignoffRow } from './signoff-rows.js';

/**
 * The release gate: each requirement of the component's policy, met or not and why, computed from the pin,
 * coverage, findings, accepted risks and sign-offs. Never stored; signers embed what they saw.
 */
export class GateService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly pins: ReleasePinService,
    private readonly coverage: CoverageService,
    private readonly trees: TreeService,
    private readonly anchors: AnchorResolver,
    private readonly policies: PolicyService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The findings that count against a release, read lightly: found on this commit, or their anchored lines'
   * blob still in the release, or (only for the rest) their anchor placed in it. A release may carry a
   * hundred thousand findings; the gate must not hydrate them all.
   */
  private async anchorOf(findingId: string, position: number): Promise<LineAnchor> {
    const row = await this.workspace.db.read.get<FindingAnchorRow>(
      sql`SELECT ${FINDING_ANCHOR_COLUMNS} FROM finding_anchors a JOIN findings f ON f.id = a.finding_id WHERE a.finding_id = ${findingId} AND a.position = ${position}`,
    );
    return (await anchorsOfRows(this.workspace, [row!]))[0]!;
  }

  private async presentFindings(componentId: string, release: ResolvedRelease): Promise<GateFinding[]> {
    // One JSON text instead of 100k row objects: node-sqlite3 builds each row object slowly, JSON.parse does not.
    // Findings made on this very commit count without looking at their anchors (a scanner's 100k results are).
    const onCommit = await this.workspace.db.read.get<{ rows: string }>(sql`
      SELECT json_group_array(json_array(f.id, f.number, f.severity, f.status, f.commit_id, 0, '', r.requested_by, r.approved_by, r.expires_at)) AS rows
      FROM findings f
      LEFT JOIN risk_acceptances r ON r.finding_id = f.id AND r.state = 'approved'
      WHERE f.component_id = ${componentId} AND f.commit_id = ${release.commit} AND f.status NOT IN ('closed', 'false-positive', 'fixed')`);
    const elsewhere = await this.workspace.db.read.get<{ rows: string }>(sql`
      SELECT json_group_array(json_array(f.id, f.number, f.severity, f.status, f.commit_id, a.position, a.blob, r.requested_by, r.approved_by, r.expires_at)) AS rows
      FROM findings f JOIN finding_anchors a ON a.finding_id = f.id
      LEFT JOIN risk_acceptances r ON r.finding_id = f.id AND r.state = 'approved'
      WHERE f.component_id = ${componentId} AND f.commit_id <> ${release.commit} AND f.status NOT IN ('closed', 'false-positive', 'fixed')`);
    const rows = [onCommit, elsewhere].flatMap((packed) =>
      (JSON.parse(packed?.rows ?? '[]') as GateFindingTuple[]).map(
        ([id, number, severity, status, commit_id, position, blob, requested_by, approved_by, expires_at]): GateFindingRow => ({ id, number, severity, status, commit_id, position, blob, requested_by, approved_by, expires_at }),
      ),
    );
    const blobs = new Set((await this.trees.list(release.component.name, release.commit)).entries.map((e) => e.oid));
    const byId = new Map<string, { row: GateFindingRow; present: boolean }>();
    for (const row of rows) {
      const seen = byId.get(row.id);
      if (seen?.present) continue;
      let present = row.commit_id === release.commit || blobs.has(row.blob);
      if (!present) present = (await this.anchors.place(await this.anchorOf(row.id, row.position), release.gitDir, release.commit)).status !== 'outdated';
      byId.set(row.id, { row, present });
    }
    const now = this.now();
    return [...byId.values()]
      .filter((f) => f.present)
      .map(({ row }) => {
        const expired = row.expires_at !== null && new Date(row.expires_at) <= now;
        return {
          id: row.id,
          number: row.number,
          severity: row.severity,
          status: row.status === 'risk-accepted' && (row.approved_by === null || expired) ? 'open' : row.status,
          risk: row.approved_by === null ? null : { requestedBy: row.requested_by!, approvedBy: row.approved_by, expiresAt: row.expires_at, expired },
        };
      });
  }

  async evaluate(component: string, ref: string): Promise<Gate> {
    return (await this.evaluateWithFindings(component, ref)).gate;
  }

  /** The gate, and the ids of the findings that count against the release (what a manifest summarises). */
  async evaluateWithFindings(component: string, ref: string): Promise<{ gate: Gate; presentFindingIds: Set<string> }> {
    const release = await this.releases.resolve(component, ref);
    const { policy, setBy } = await this.policies.get(release.component.name);
    const pinned = (await this.pins.list(release.component.name)).find((p) => p.commit === release.commit) ?? null;
    const requirements: GateRequirement[] = [];
    const add = (id: string, kind: GateRequirement['kind'], met: boolean, params: GateRequirement['params'], detail: string) => requirements.push({ id, kind, met, params, detail });

    add('release-pinned', 'release-pinned', pinned !== null, { commit: release.commit.slice(0, 12) }, pinned ? `pinned as ${pinned.ref}, ${pinned.digest}` : `commit ${release.commit.slice(0, 12)} is not pinned`);

    for (const [criterion, minimum] of Object.entries(policy.coverage)) {
      const report = await this.coverage.coverage(release.component.name, release.commit, criterion);
      const totals = report.criteria.find((c) => c.criterion === criterion)!.combined;
      const percent = totals.lines === 0 ? (totals.files === totals.filesReviewed ? 100 : 0) : Math.floor((totals.linesReviewed / totals.lines) * 10000) / 100;
      add(`coverage:${criterion}`, 'coverage', percent >= minimum, { criterion, percent, minimum, lines: totals.lines, reviewedLines: totals.linesReviewed }, `${criterion}: ${percent}% of ${totals.lines} lines reviewed, ${minimum}% required`);
    }

    const present = await this.presentFindings(release.component.id, release);
    const blocking = present.filter((f) => (OPEN_FINDING_STATUSES as readonly string[]).includes(f.status) && exceedsLimit(f.severity, policy.maxOpenSeverity));
    add(
      'open-findings',
      'open-findings',
      blocking.length === 0,
      { count: blocking.length, limit: policy.maxOpenSeverity },
      blocking.length === 0 ? `no open finding above ${policy.maxOpenSeverity}` : `open above ${policy.maxOpenSeverity}: ${namedFew(blocking.map((f) => `F-${f.number} (${f.severity})`))}`,
    );
    const accepted = present.filter((f) => f.risk !== null);
    const badRisks = accepted.filter((f) => f.risk!.expired || (policy.requireRiskExpiry && !f.risk!.expiresAt) || f.risk!.approvedBy === f.risk!.requestedBy);
    add(
      'accepted-risks',
      'accepted-risks',
      badRisks.length === 0,
      { count: accepted.length, bad: badRisks.length },
      badRisks.length === 0 ? `${accepted.length} accepted risk(s), all unexpired and approved by a second person` : `expired or invalid acceptances: ${namedFew(badRisks.map((f) => `F-${f.number}`))}`,
    );

    const decisions = latestDecisions(await this.signoffRows(release.component.id, release.commit));
    const rejections = decisions.filter((d) => d.decision === 'reject');
    add(
      'no-rejection',
      'no-rejection',
      rejections.length === 0,
      { count: rejections.length },
      rejections.length === 0 ? 'nobody rejected this release' : rejections.map((r) => `rejected by ${r.signer} as ${r.role}: ${r.comment}`).join('; '),
    );
    const approvals = decisions.filter((d) => d.decision === 'approve');
    for (const role of SIGNING_ROLES) {
      const needed = policy.signoffs[role];
      if (needed === 0) continue;
      const by = approvals.filter((a) => a.role === role).map((a) => a.signer);
      add(`signoffs:${role}`, 'signoffs', by.length >= needed, { role, count: by.length, needed }, `${role}: ${by.length} of ${needed} approvals${by.length ? ` (${by.join(', ')})` : ''}`);
    }
    if (policy.separationOfDuties) {
      const requesters = new Set(accepted.map((f) => f.risk!.requestedBy));
      const selfApproved = approvals.filter((a) => a.role === 'approver' && requesters.has(a.signer)).map((a) => a.signer);
      const doubled = doubleCounted(policy, approvals);
      const met = selfApproved.length === 0 && doubled.length === 0;
      const detail = met
        ? 'no person fills two required roles or approves a risk they requested'
        : [...selfApproved.map((p) => `${p} approves a release with a risk they requested`), ...doubled.map((p) => `${p} fills more than one required role`)].join('; ');
      add('separation-of-duties', 'separation-of-duties', met, { people: [...new Set([...selfApproved, ...doubled])].join(', ') }, detail);
    }

    const unmet = requirements.filter((r) => !r.met);
    const gate: Gate = {
      component: release.component.name,
      ref: pinned?.ref ?? release.refname ?? release.commit,
      commit: release.commit,
      digest: pinned?.digest ?? null,
      policy,
      policySetBy: setBy,
      requirements,
      readyForApproval: unmet.every((r) => r.id === 'signoffs:approver'),
      approved: unmet.length === 0,
      rejected: rejections.length > 0,
      evaluatedAt: this.now().toISOString(),
    };
    return { gate, presentFindingIds: new Set(present.map((f) => f.id)) };
  }

  async signoffRows(componentId: string, commit: string): Promise<SignoffRow[]> {
    return this.workspace.db.read.all<SignoffRow>(sql`SELECT * FROM signoffs WHERE component_id = ${componentId} AND commit_id = ${commit} ORDER BY signed_at, id`);
  }
}

/**
 * People counted toward more than one required role: the most slots distinct people can fill (a bipartite
 * matching) is smaller than the slots their approvals would fill if each person could count twice.
 */
function doubleCounted(policy: Policy, approvals: ReadonlyArray<{ role: SigningRole; signer: string }>): string[] {
  const slots: SigningRole[] = SIGNING_ROLES.flatMap((role) => Array.from({ length: Math.min(policy.signoffs[role], approvals.filter((a) => a.role === role).length) }, () => role));
  // Kuhn's augmenting paths: slots on one side, people on the other; slotOf[person] is the slot they fill.
  const slotOf = new Map<string, number>();
  const assign = (slot: number, seen: Set<string>): boolean => {
    for (const a of approvals.filter((x) => x.role === slots[slot])) {
      if (seen.has(a.signer)) continue;
      seen.add(a.signer);
      const held = slotOf.get(a.signer);
      if (held === undefined || assign(held, seen)) {
        slotOf.set(a.signer, slot);
        return true;
      }
    }
    return false;
  };
  const filled = slots.filter((_, i) => assign(i, new Set())).length;
  if (filled === slots.length) return [];
  const byPerson = new Map<string, Set<string>>();
  for (const a of approvals) byPerson.set(a.signer, (byPerson.get(a.signer) ?? new Set()).add(a.role));
  return [...byPerson.entries()].filter(([, roles]) => roles.size > 1).map(([p]) => p);
}

type GateFindingTuple = [string, number, Severity, FindingStatus, string, number, string, string | null, string | null, string | null];

interface GateFindingRow {
  id: string;
  number: number;
  severity: Severity;
  status: FindingStatus;
  commit_id: string;
  position: number;
  blob: string;
  requested_by: string | null;
  approved_by: string | null;
  expires_at: string | null;
}

interface GateFinding {
  id: string;
  number: number;
  severity: Severity;
  status: FindingStatus;
  risk: { requestedBy: string; approvedBy: string; expiresAt: string | null; expired: boolean } | null;
}

/** The first few names of a list and how many more: a scanner's thousands of findings would make a detail no one reads. */
const NAMED = 50;
function namedFew(names: readonly string[]): string {
  return names.length <= NAMED ? names.join(', ') : `${names.slice(0, NAMED).join(', ')} and ${(names.length - NAMED).toLocaleString('en')} more`;
}
