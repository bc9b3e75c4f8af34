import { randomUUID } from 'node:crypto';
import type { Gate, Signoff } from '../../../shared/contract/trust.js';
import { SIGNING_ROLES, type SigningRole } from '../../../shared/domain/roles.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService } from '../code/release-service.js';
import type { Ledger } from '../events/ledger.js';
import { componentIdOf } from '../events/projection-helpers.js';
import type { ProjectionTable } from '../events/projector.js';
import type { Workspace } from '../workspace/workspace.js';
import { IN_TOTO_PAYLOAD_TYPE, signEnvelope, SIGNOFF_PREDICATE_TYPE, type DsseEnvelope } from './dsse.js';
import type { GateService } from './gate-service.js';
import type { Keyring } from './keyring.js';
import type { RosterService } from './roster-service.js';
import { latestDecisions, type SignoffRow } from './signoff-rows.js';

export interface SignoffRequest {
  component: string;
  ref: string;
  role?: SigningRole;
  decision: 'approve' | 'reject';
  comment: string;
}

/**
 * A sign-off: a DSSE envelope around an in-toto Statement naming the release (`component@ref`, its
 * escrow-tree-v1 digest and commit) with the signer's role, decision, comment and the gate they saw,
 * recorded as a signed event. An approver approves only when everything else is met; a reject needs a reason.
 */
export class SignoffService {
  constructor(
    private readonly workspace: Workspace,
    private readonly releases: ReleaseService,
    private readonly gates: GateService,
    private readonly roster: RosterService,
    private readonly keyring: Keyring,
    private readonly ledger: Ledger,
  ) {}

  async sign(actor: string, request: SignoffRequest): Promise<Signoff> {
    const release = await this.releases.resolve(request.component, request.ref);
    const person = await this.roster.find(actor);
    if (!person) throw new AppError('FORBIDDEN', 'error.roster.notInRoster', { name: actor });
    const held = SIGNING_ROLES.filter((r) => person.roles.includes(r));
    const role = request.role ?? (held.length === 1 ? held[0]! : null);
    if (role === null) throw new AppError('INVALID_INPUT', 'error.signoff.whichRole', { name: actor, roles: held.join(', ') || '-' });
    if (!held.includes(role)) throw new AppError('FORBIDDEN', 'error.signoff.roleNotHeld', { name: actor, role });
    if (request.decision === 'reject' && request.comment.trim() === '') throw new AppError('INVALID_INPUT', 'error.signoff.reasonNeeded', {});

    const gate = await this.gates.evaluate(release.component.name, release.commit);
    if (gate.digest === null) throw new AppError('CONFLICT', 'error.signoff.notPinned', { component: release.component.name, commit: release.commit.slice(0, 12) });
    if (request.decision === 'approve') {
      if (role === 'approver' && gate.policy.separationOfDuties) {
        const own = await this.workspace.db.read.get<{ number: number }>(sql`SELECT f.number FROM risk_acceptances r JOIN findings f ON f.id = r.finding_id
          WHERE f.component_id = ${release.component.id} AND r.state = 'approved' AND r.requested_by = ${actor} LIMIT 1`);
        if (own) throw new AppError('FORBIDDEN', 'error.signoff.ownRisk', { name: actor, number: own.number });
      }
      this.checkApproval(actor, role, gate, latestDecisions(await this.gates.signoffRows(release.component.id, release.commit)));
    }

    const signer = await this.keyring.signer(actor);
    const signedAt = new Date().toISOString();
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${gate.component}@${gate.ref}`, digest: { sha256: gate.digest.replace(/^sha256:/, ''), gitCommit: release.commit } }],
      predicateType: SIGNOFF_PREDICATE_TYPE,
      predicate: { role, decision: request.decision, comment: request.comment, signedAt, gate },
    };
    const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, statement, signer);
    const id = randomUUID();
    await this.workspace.db.transaction((tx) =>
      this.ledger.append(tx, actor, 'signoff.signed', {
        signoffId: id,
        component: gate.component,
        ref: gate.ref,
        commit: release.commit,
        digest: gate.digest,
        role,
        decision: request.decision,
        comment: request.comment,
        signedAt,
        envelope,
      }),
    );
    return (await this.list(release.component.name, release.commit)).find((s) => s.id === id)!;
  }

  async list(component: string, ref: string): Promise<Signoff[]> {
    const release = await this.releases.resolve(component, ref);
    return (await this.gates.signoffRows(release.component.id, release.commit)).map((row) => toSignoff(release.component.name, row));
  }

  private checkApproval(actor: string, role: SigningRole, gate: Gate, decisions: readonly SignoffRow[]): void {
    if (gate.policy.separationOfDuties) {
      const other = decisions.find((d) => d.signer === actor && d.decision === 'approve' && d.role !== role);
      if (other) throw new AppError('FORBIDDEN', 'error.signoff.twoRoles', { name: actor, role: other.role });
    }
    if (role !== 'approver') return;
    const unmet = gate.requirements.filter((r) => !r.met && r.id !== 'signoffs:approver');
    if (unmet.length > 0) throw new AppError('CONFLICT', 'error.signoff.gateNotMet', { unmet: unmet.map((r) => r.detail).join('; ') }, { unmet: unmet.map((r) => r.id) });
  }
}

function toSignoff(component: string, row: SignoffRow): Signoff {
  return {
    id: row.id,
    component,
    ref: row.ref,
    commit: row.commit_id,
    digest: row.tree_digest,
    role: row.role,
    decision: row.decision,
    comment: row.comment,
    signer: row.signer,
    keyid: row.keyid,
    signedAt: row.signed_at,
    envelope: JSON.parse(row.envelope) as Record<string, unknown>,
  };
}

export const signoffProjections: ProjectionTable = {
  async 'signoff.signed'(tx, { actor, keyid, payload }) {
    const p = payload as { signoffId: string; component: string; ref: string; commit: string; digest: string; role: string; decision: string; comment: string; signedAt: string; envelope: DsseEnvelope };
    await tx.run(sql`INSERT INTO signoffs (id, component_id, commit_id, ref, tree_digest, role, decision, comment, signer, keyid, envelope, signed_at)
      VALUES (${p.signoffId}, ${await componentIdOf(tx, p.component)}, ${p.commit}, ${p.ref}, ${p.digest}, ${p.role}, ${p.decision}, ${p.comment}, ${actor}, ${keyid}, ${JSON.stringify(p.envelope)}, ${p.signedAt})`);
  },
};
