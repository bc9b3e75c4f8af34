import type { Gate, GateRequirement, Policy } from '../../../../shared/contract/trust.js';
import { SEVERITY_LIMITS, type SeverityLimit } from '../../../../shared/domain/policy.js';
import { ROLES, type Role } from '../../../../shared/domain/roles.js';
import type { MessageKey } from '../../../../shared/i18n/index.js';
import type { MessageParams } from '../../../../shared/i18n/format.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export type Verdict = 'approved' | 'rejected' | 'ready' | 'open';

export function verdictOf(gate: Gate): Verdict {
  if (gate.rejected) return 'rejected';
  if (gate.approved) return 'approved';
  return gate.readyForApproval ? 'ready' : 'open';
}

export const VERDICT_TONE: Record<Verdict, string> = { approved: 'ok', rejected: 'danger', ready: 'warn', open: '' };

const text = (value: string | number | undefined) => (value === undefined ? '?' : String(value));
const num = (value: string | number | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));

export function roleName(t: Translate, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : role;
}

export function severityLimitName(t: Translate, limit: string): string {
  return (SEVERITY_LIMITS as readonly string[]).includes(limit) ? t(`findingsView.severity.${limit as SeverityLimit}`) : limit;
}

/** A requirement in the reader's language, from its kind and parameters (the core's `detail` says the rest). */
export function requirementTitle(t: Translate, requirement: GateRequirement): string {
  const p = requirement.params;
  switch (requirement.kind) {
    case 'release-pinned':
      return t('gateView.requirement.release-pinned', { commit: text(p['commit']) });
    case 'coverage':
      return t('gateView.requirement.coverage', { criterion: text(p['criterion']), percent: num(p['percent']), minimum: num(p['minimum']) });
    case 'open-findings':
      return t('gateView.requirement.open-findings', { limit: severityLimitName(t, text(p['limit'])), count: num(p['count']) });
    case 'accepted-risks':
      return t('gateView.requirement.accepted-risks', { count: num(p['count']), bad: num(p['bad']) });
    case 'no-rejection':
      return t('gateView.requirement.no-rejection', { count: num(p['count']) });
    case 'signoffs':
      return t('gateView.requirement.signoffs', { role: roleName(t, text(p['role'])), count: num(p['count']), needed: num(p['needed']) });
    case 'separation-of-duties':
      return p['people'] ? t('gateView.requirement.separationBroken', { people: text(p['people']) }) : t('gateView.requirement.separation-of-duties');
  }
}

/** The policy in force, one clause a line. */
export function policyClauses(t: Translate, policy: Policy): string[] {
  const coverage = Object.entries(policy.coverage);
  return [
    t('gateView.policy.signoffs', policy.signoffs),
    ...(coverage.length === 0 ? [t('gateView.policy.noCoverage')] : coverage.map(([criterion, minimum]) => t('gateView.policy.coverage', { criterion, minimum }))),
    t('gateView.policy.maxOpen', { limit: severityLimitName(t, policy.maxOpenSeverity) }),
    t(policy.requireRiskExpiry ? 'gateView.policy.riskExpiry' : 'gateView.policy.noRiskExpiry'),
    t(policy.separationOfDuties ? 'gateView.policy.separation' : 'gateView.policy.noSeparation'),
  ];
}

/**
 * Why the person cannot sign approve in this role now, or null when they can: an unpinned commit has no
 * digest to sign; an approver waits until everything but the approvers' own sign-offs is met.
 */
export function approveBlockedBecause(t: Translate, gate: Gate, role: string | null): string | null {
  if (gate.digest === null) return t('gateView.sign.notPinned');
  if (role !== 'approver' || gate.readyForApproval) return null;
  const missing = gate.requirements.filter((r) => !r.met && r.id !== 'signoffs:approver').map((r) => requirementTitle(t, r));
  return t('gateView.sign.notReady', { missing: missing.join('; ') });
}
