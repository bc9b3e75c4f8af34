import type { Policy } from '../../../shared/contract/trust.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ProjectionTable } from '../events/projector.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { CriteriaService } from '../review/criteria.js';
import type { Workspace } from '../workspace/workspace.js';
import type { SignedEvent } from '../events/ledger-event.js';
import { eventOfRow, type EventRow } from '../events/ledger-event.js';

/** What a component's releases need before anyone set a policy: one sign-off per role, everything read, nothing above low open. */
export const DEFAULT_POLICY: Policy = {
  signoffs: { reviewer: 1, security: 1, approver: 1 },
  coverage: { 'safe-to-deploy': 100 },
  maxOpenSeverity: 'low',
  requireRiskExpiry: true,
  separationOfDuties: true,
};

export interface PolicyRecord {
  component: string;
  policy: Policy;
  setBy: string | null;
  setAt: string | null;
}

/** The release policy per component, set by an admin as an event; the gate is computed from it, never typed in. */
export class PolicyService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly criteria: CriteriaService,
    private readonly ledger: Ledger,
  ) {}

  async get(component: string): Promise<PolicyRecord> {
    const row = await this.components.require(component);
    const stored = await this.workspace.db.read.get<{ policy: string; set_by: string; set_at: string }>(sql`SELECT policy, set_by, set_at FROM policies WHERE component_id = ${row.id}`);
    if (!stored) return { component: row.name, policy: DEFAULT_POLICY, setBy: null, setAt: null };
    return { component: row.name, policy: JSON.parse(stored.policy) as Policy, setBy: stored.set_by, setAt: stored.set_at };
  }

  async set(actor: string, component: string, policy: Policy): Promise<PolicyRecord> {
    const row = await this.components.require(component);
    const known = await this.criteria.list(row.name);
    for (const criterion of Object.keys(policy.coverage)) {
      if (!known.some((c) => c.name === criterion)) throw new AppError('NOT_FOUND', 'error.review.criterionUnknown', { name: criterion, known: known.map((c) => c.name).join(', ') });
    }
    if (policy.signoffs.reviewer + policy.signoffs.security + policy.signoffs.approver === 0) throw new AppError('INVALID_INPUT', 'error.policy.noSignoffs', {});
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'policy.set', { component: row.name, policy }));
    return this.get(row.name);
  }

  /** The signed event that set the policy in force, for manifests; null while the default applies. */
  async signedPolicyEvent(component: string): Promise<SignedEvent | null> {
    const row = await this.components.require(component);
    const stored = await this.workspace.db.read.get<{ event_id: string }>(sql`SELECT event_id FROM policies WHERE component_id = ${row.id}`);
    if (!stored) return null;
    const eventRow = await this.workspace.db.read.get<EventRow>(sql`SELECT * FROM events WHERE id = ${stored.event_id}`);
    const event = eventRow && eventOfRow(eventRow);
    if (!event) throw new AppError('INTEGRITY', 'error.audit.policyEventMissing', { component: row.name });
    return { event, hash: eventRow.hash!, signature: eventRow.signature! };
  }
}

export const policyProjections: ProjectionTable = {
  async 'policy.set'(tx, { id, actor, at, payload }) {
    const componentId = await componentIdOf(tx, payload['component']);
    await tx.run(sql`INSERT INTO policies (component_id, policy, event_id, set_by, set_at) VALUES (${componentId}, ${JSON.stringify(payload['policy'])}, ${id}, ${actor}, ${at})
      ON CONFLICT (component_id) DO UPDATE SET policy = excluded.policy, event_id = excluded.event_id, set_by = excluded.set_by, set_at = excluded.set_at`);
  },
};
