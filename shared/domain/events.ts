/** Every kind of event. Adding one means adding its projection and its permission (shared/contract/permissions.ts). */
export const EVENT_TYPES = [
  'roster.person-added',
  'roster.roles-set',
  'roster.person-revoked',
  'policy.set',
  'signoff.signed',
  'alarm.acknowledged',
  'thread.opened',
  'thread.replied',
  'comment.edited',
  'thread.status-set',
  'criterion.defined',
  'review.marked',
  'finding.added',
  'finding.status-set',
  'finding.false-positive-proposed',
  'risk.requested',
  'risk.approved',
  'sarif.imported',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

