import type { FindingStatus } from '../contract/findings.js';

/**
 * The finding workflow: open → confirmed → reported → fixed → closed, with false positive and accepted
 * risk as exits a finding can come back from (reopen). Fixed may be reached from any active state: the
 * check is on the code (the anchored lines changed in a later release), not on the paperwork.
 */
const NEXT: Readonly<Record<FindingStatus, readonly FindingStatus[]>> = {
  open: ['confirmed', 'fixed', 'false-positive', 'risk-accepted'],
  confirmed: ['reported', 'fixed', 'false-positive', 'risk-accepted', 'open'],
  reported: ['fixed', 'risk-accepted', 'confirmed', 'open'],
  fixed: ['closed', 'open'],
  closed: ['open'],
  'false-positive': ['open'],
  'risk-accepted': ['open'],
};

export function nextStatusAllowed(from: FindingStatus, to: FindingStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: FindingStatus): readonly FindingStatus[] {
  return NEXT[from];
}
