import { EVENT_TYPES, type EventType } from '../../../../shared/domain/events.js';
import type { MessageKey } from '../../../../shared/i18n/index.js';

type Translate = (key: MessageKey) => string;

/** What `audit verify` can find; a kind the core adds later is shown as the core names it. */
export const AUDIT_PROBLEM_KINDS = ['unsigned', 'unknown-type', 'hash', 'chain', 'genesis', 'unknown-key', 'revoked', 'actor', 'role', 'signature', 'weak-key', 'row-unexplained', 'row-missing'] as const;
type ProblemKind = (typeof AUDIT_PROBLEM_KINDS)[number];

export function isEventType(type: string): type is EventType {
  return (EVENT_TYPES as readonly string[]).includes(type);
}

export function eventTypeName(t: Translate, type: string): string {
  return isEventType(type) ? t(`auditView.type.${type}`) : type;
}

export function problemKindName(t: Translate, kind: string): string {
  return (AUDIT_PROBLEM_KINDS as readonly string[]).includes(kind) ? t(`auditView.problem.${kind as ProblemKind}`) : kind;
}
