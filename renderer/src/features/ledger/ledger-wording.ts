import type { MessageKey } from '../../../../shared/i18n/index.js';
import type { MessageParams } from '../../../../shared/i18n/format.js';
import { SYNC_PHASES } from '../../../../shared/contract/events.js';
import { problemKindName } from '../trust/audit-wording.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The steps the core names while it pushes, pulls or imports (git's own transfer phases are SYNC_PHASES). */
const LEDGER_PHASES = ['push', 'fetch', 'read', 'merge', 'done'] as const;
/** Why the core quarantines an event beyond the checks `audit verify` also makes. */
const LEDGER_REASONS = ['malformed', 'differs'] as const;

export function phaseName(t: Translate, phase: string): string {
  if ((LEDGER_PHASES as readonly string[]).includes(phase)) return t(`ledgerView.phase.${phase as (typeof LEDGER_PHASES)[number]}`);
  if ((SYNC_PHASES as readonly string[]).includes(phase)) return t(`progress.phase.${phase as (typeof SYNC_PHASES)[number]}`);
  return t('progress.phase.other');
}

/** A quarantine reason as people read it; one the core adds later is shown as the core names it. */
export function reasonName(t: Translate, reason: string): string {
  if ((LEDGER_REASONS as readonly string[]).includes(reason)) return t(`ledgerView.reason.${reason as (typeof LEDGER_REASONS)[number]}`);
  return problemKindName(t, reason);
}

/** Where events came from: `remote/<name>` or `bundle`. */
export function sourceName(t: Translate, source: string): string {
  if (source === 'bundle') return t('ledgerView.source.bundle');
  return source.startsWith('remote/') ? t('ledgerView.source.remote', { name: source.slice('remote/'.length) }) : source;
}

export function conflictKindName(t: Translate, kind: 'concurrent' | 'not-applied'): string {
  return t(`ledgerView.conflict.${kind}`);
}

/** A time as the reader writes it, or the given word when there is none. */
export function timeText(locale: string, iso: string | null, none: string): string {
  return iso ? new Date(iso).toLocaleString(locale) : none;
}
