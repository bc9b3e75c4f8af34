import type { ReleaseStatus, ReleaseStatusReport } from '../../../shared/contract/review.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService } from '../code/release-service.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { ReleasePinService } from '../releases/release-pins.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CoverageService } from './coverage-service.js';
import { DEFAULT_CRITERION } from './criteria.js';
import type { GateService } from '../trust/gate-service.js';

const ACTIVE = new Set(['open', 'confirmed', 'reported']);

/**
 * The computed status of a component release — never typed in: from the decisions recorded on it, newer
 * pinned releases, review coverage, findings and open threads.
 */
export class StatusService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly releases: ReleaseService,
    private readonly pins: ReleasePinService,
    private readonly coverage: CoverageService,
    private readonly gates: GateService,
  ) {}

  async status(component: string, ref: string): Promise<ReleaseStatusReport> {
    const release = await this.releases.resolve(component, ref);
    const coverage = (await this.coverage.coverage(component, release.commit, DEFAULT_CRITERION)).criteria.find((c) => c.criterion === DEFAULT_CRITERION)!.combined;
    const findings = await this.workspace.db.read.all<{ severity: string; status: string; expired: number }>(sql`
      SELECT f.severity, f.status,
        (f.status = 'risk-accepted' AND NOT EXISTS (SELECT 1 FROM risk_acceptances r WHERE r.finding_id = f.id AND r.state = 'approved' AND r.expires_at > ${new Date().toISOString()})) AS expired
      FROM findings f WHERE f.component_id = ${release.component.id}`);
    const activeFindings = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    const findingsByStatus: Record<string, number> = {};
    for (const f of findings) {
      const status = f.expired ? 'open' : f.status;
      findingsByStatus[status] = (findingsByStatus[status] ?? 0) + 1;
      if (ACTIVE.has(status)) activeFindings[f.severity as keyof typeof activeFindings]++;
    }
    // Counted, not placed: a component may hold a million threads. An open thread is open wherever its code went.
    const openThreads = (await this.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM threads WHERE component_id = ${release.component.id} AND status = 'open'`))!.n;
    const pendingRisks = (
      await this.workspace.db.read.get<{ n: number }>(
        sql`SELECT COUNT(*) AS n FROM risk_acceptances r JOIN findings f ON f.id = r.finding_id WHERE f.component_id = ${release.component.id} AND r.state = 'requested'`,
      )
    )!.n;
    const gate = await this.gates.evaluate(release.component.name, release.commit);
    const pinned = await this.pins.list(component);
    const mine = pinned.find((p) => p.commit === release.commit);
    const newer = mine ? pinned.some((p) => p.id > mine.id && p.commit !== release.commit) : false;

    let status: ReleaseStatus;
    if (gate.rejected) status = 'rejected';
    else if (gate.approved) status = 'approved';
    else if (newer) status = 'superseded';
    else if (activeFindings.critical + activeFindings.high > 0) status = 'changes-requested';
    else if (gate.readyForApproval && openThreads === 0 && pendingRisks === 0) status = 'ready-for-approval';
    else if (coverage.linesReviewed > 0 || coverage.filesReviewed > 0 || findings.length > 0 || openThreads > 0) status = 'in-review';
    else status = 'not-started';
    return { component: release.component.name, ref: release.refname ?? release.commit, commit: release.commit, status, coverage, activeFindings, findingsByStatus, openThreads, pendingRisks };
  }

  async dashboard(): Promise<{ components: ReleaseStatusReport[]; unreviewable: Array<{ component: string; reason: string }> }> {
    const components: ReleaseStatusReport[] = [];
    const unreviewable: Array<{ component: string; reason: string }> = [];
    for (const row of await this.components.rows()) {
      const pinned = await this.pins.list(row.name);
      const ref = pinned[0]?.ref ?? row.head_ref;
      if (!ref) {
        unreviewable.push({ component: row.name, reason: 'never synced' });
        continue;
      }
      try {
        components.push(await this.status(row.name, pinned[0]?.commit ?? ref));
        if (pinned[0]) components[components.length - 1]!.ref = pinned[0].ref;
      } catch (error) {
        unreviewable.push({ component: row.name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { components, unreviewable };
  }
}
