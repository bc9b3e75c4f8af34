import type { FindingStatus, Severity } from '../../../../shared/contract/findings.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** A severity as a coloured pill (critical, high, medium, low, info; CVSS adds none). */
export function SeverityPill({ severity }: { severity: Severity | 'none' }) {
  const { t } = useI18n();
  return <span className={`pill severity-pill severity-${severity}`}>{t(`findingsView.severity.${severity}`)}</span>;
}

/** Where a finding stands in its workflow. */
export function FindingStatusPill({ status }: { status: FindingStatus }) {
  const { t } = useI18n();
  return <span className={`pill finding-status finding-status-${status}`}>{t(`findingsView.status.${status}`)}</span>;
}

/** A CVSS severity word from the core, shown translated when it is one we know. */
export function isKnownSeverity(value: string): value is Severity | 'none' {
  return ['critical', 'high', 'medium', 'low', 'info', 'none'].includes(value);
}
