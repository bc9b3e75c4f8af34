import type { ComponentSyncResult } from '../../../../shared/contract/components.js';
import type { WireError } from '../../../../shared/errors.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { ActiveSync } from './use-sync.js';

const PHASES = ['connecting', 'counting', 'compressing', 'receiving', 'resolving', 'updating-refs', 'recording'] as const;

interface SyncBarProps {
  active: ActiveSync | null;
  results: readonly ComponentSyncResult[] | null;
  error: WireError | null;
  onCancel(): void;
  onDismiss(): void;
}

/** The progress of a running sync with its cancel button, then a summary of what the sync found. */
export function SyncBar({ active, results, error, onCancel, onDismiss }: SyncBarProps) {
  const { t, describeError } = useI18n();
  if (active) {
    const p = active.progress;
    const phase = p && (PHASES as readonly string[]).includes(p.phase) ? (p.phase as (typeof PHASES)[number]) : 'connecting';
    const percent = p?.completed != null && p.total ? Math.round((p.completed / p.total) * 100) : null;
    return (
      <div className="sync-bar" role="status" data-testid="sync-bar">
        <span>
          {t('sync.running')} {p?.component ? `${p.component} · ` : ''}
          {t(`progress.phase.${phase}`)}
          {percent !== null ? ` ${percent}%` : ''}
          {p?.bytes != null ? ` · ${(p.bytes / 1024 / 1024).toFixed(1)} MiB` : ''}
        </span>
        <progress max={100} value={percent ?? undefined} aria-label={t('sync.running')} />
        <button type="button" onClick={onCancel} disabled={active.cancelling} data-testid="sync-cancel">
          {active.cancelling ? t('sync.cancelling') : t('common.cancel')}
        </button>
      </div>
    );
  }
  if (error) return <ErrorNotice error={error} onDismiss={onDismiss} />;
  if (!results) return null;
  const alarms = results.reduce((n, r) => n + r.alarms.length, 0);
  const failed = results.filter((r) => r.status !== 'ok');
  return (
    <div className={`sync-bar done${failed.length > 0 || alarms > 0 ? ' warn' : ''}`} role="status" data-testid="sync-result">
      <span>
        {t('sync.summary', { count: results.length, failed: failed.length, alarms })}
        {failed.map((r) => ` · ${r.name}: ${r.error ? describeError(r.error) : t(`sync.status.${r.status}`)}`).join('')}
      </span>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
