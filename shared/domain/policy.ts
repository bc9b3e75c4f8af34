import type { Severity } from '../contract/findings.js';

/** The highest severity a release may keep open; `none` keeps nothing open, not even `info`. */
export const SEVERITY_LIMITS = ['none', 'info', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityLimit = (typeof SEVERITY_LIMITS)[number];

const RANK: Record<Severity, number> = { info: 1, low: 2, medium: 3, high: 4, critical: 5 };

export function exceedsLimit(severity: Severity, limit: SeverityLimit): boolean {
  return RANK[severity] > SEVERITY_LIMITS.indexOf(limit);
}

/** Statuses in which a finding still counts against a release. */
export const OPEN_FINDING_STATUSES = ['open', 'confirmed', 'reported'] as const;
