import type { Finding } from '../../../shared/contract/findings.js';
import { OPEN_FINDING_STATUSES } from '../../../shared/domain/policy.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService } from '../code/release-service.js';
import { eventOfRow, type EventRow, type SignedEvent } from '../events/ledger-event.js';
import type { FindingService } from '../review/finding-service.js';
import type { Workspace } from '../workspace/workspace.js';
import { MANIFEST_PAYLOAD_TYPE, signEnvelope, type DsseEnvelope } from './dsse.js';
import type { GateService } from './gate-service.js';
import type { Keyring } from './keyring.js';
import type { PolicyService } from './policy-service.js';
import { latestDecisions } from './signoff-rows.js';

/**
 * The manifest the deployment team verifies offline (DESIGN.md "Manifest"): the release subject, the signed
 * policy and roster events, every sign-off envelope, the findings summary and accepted risks, wrapped in a
 * DSSE envelope signed by whoever exports it. resources/verifier checks it with plain Node.
 */
export class ManifestService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly gates: GateService,
    private readonly policies: PolicyService,
    private readonly findings: FindingService,
    private readonly keyring: Keyring,
  ) {}

  async export(actor: string, component: string, ref: string): Promise<DsseEnvelope> {
    const release = await this.releases.resolve(component, ref);
    const { gate, presentFindingIds } = await this.gates.evaluateWithFindings(release.component.name, release.commit);
    if (gate.digest === null) throw new AppError('CONFLICT', 'error.signoff.notPinned', { component: release.component.name, commit: release.commit.slice(0, 12) });
    const policy = await this.policies.signedPolicyEvent(release.component.name);
    if (!policy) throw new AppError('CONFLICT', 'error.manifest.noPolicy', { component: release.component.name });
    const roster = (await this.workspace.db.read.all<EventRow>(sql`SELECT * FROM events WHERE type LIKE 'roster.%' AND keyid IS NOT NULL ORDER BY lamport, keyid, actor_seq`)).map(signedOf);
    const signoffs = latestDecisions(await this.gates.signoffRows(release.component.id, release.commit)).map((row) => JSON.parse(row.envelope) as DsseEnvelope);

    // The findings that count against this release, as the gate decided (no placement needed here).
    const present = (await this.findings.list({ component: release.component.name })).filter((f) => presentFindingIds.has(f.id));
    const counts: Record<string, Record<string, number>> = {};
    for (const f of present) {
      counts[f.severity] ??= {};
      counts[f.severity]![f.status] = (counts[f.severity]![f.status] ?? 0) + 1;
    }
    const coverage = Object.fromEntries(
      gate.requirements
        .filter((r) => r.kind === 'coverage')
        .map((r) => [r.params['criterion'], { totalLines: Number(r.params['lines']), reviewedLines: Number(r.params['reviewedLines']), percent: Number(r.params['percent']) }]),
    );
    const manifest = {
      manifestVersion: 1,
      subject: { name: `${gate.component}@${gate.ref}`, digest: { sha256: gate.digest.replace(/^sha256:/, ''), gitCommit: release.commit } },
      component: gate.component,
      ref: gate.ref,
      exportedAt: new Date().toISOString(),
      exportedBy: actor,
      policy,
      roster,
      signoffs,
      findings: {
        open: present.filter((f) => (OPEN_FINDING_STATUSES as readonly string[]).includes(f.status)).map((f) => ({ id: f.id, number: f.number, title: f.title, severity: f.severity, status: f.status })),
        counts,
      },
      acceptedRisks: present.filter((f) => f.risk?.state === 'approved').map(acceptedRisk),
      coverage,
      gate,
    };
    return signEnvelope(MANIFEST_PAYLOAD_TYPE, manifest, await this.keyring.signer(actor));
  }
}

function signedOf(row: EventRow): SignedEvent {
  return { event: eventOfRow(row)!, hash: row.hash!, signature: row.signature! };
}

function acceptedRisk(f: Finding) {
  const risk = f.risk!;
  return { findingId: f.id, title: f.title, severity: f.severity, justification: risk.justification, expiresAt: risk.expiresAt, requestedBy: risk.requestedBy, approvedBy: risk.approvedBy, approvedAt: risk.approvedAt };
}
