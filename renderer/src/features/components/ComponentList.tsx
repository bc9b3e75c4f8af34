import type { ComponentSummary } from '../../../../shared/contract/components.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface ComponentListProps {
  components: readonly ComponentSummary[];
  selected: string | null;
  syncing: ReadonlySet<string>;
  onSelect(name: string): void;
  onSync(name: string): void;
}

/** Every component under escrow with the state of its mirror. */
export function ComponentList({ components, selected, syncing, onSelect, onSync }: ComponentListProps) {
  const { t, locale } = useI18n();
  if (components.length === 0) return <div className="muted padded">{t('components.empty')}</div>;
  return (
    <ul className="component-list" data-testid="component-list">
      {components.map((c) => {
        const state = syncing.has(c.name) ? 'running' : (c.lastSync?.status ?? 'never');
        return (
          <li key={c.id} className={c.name === selected ? 'selected' : ''} data-testid={`component-${c.name}`}>
            <button type="button" className="component-main" onClick={() => onSelect(c.name)}>
              <span className="component-name">
                {c.name}
                {c.openAlarms > 0 ? (
                  <span className="pill danger" title={t('deposit.openAlarms', { count: c.openAlarms })} data-testid="alarm-badge">
                    ⚠ {c.openAlarms}
                  </span>
                ) : null}
                {c.verified ? <VerifiedMark verified={c.verified} lastSyncAt={c.lastSync?.status === 'ok' ? c.lastSync.finishedAt : null} /> : null}
              </span>
              <span className="component-sub">
                <span className={`status-dot status-${state}`} aria-hidden="true" />
                {state === 'never' ? t('sync.never') : t(`sync.status.${state}`)}
                {' · '}
                {t('components.refCount', { count: c.refCount })}
              </span>
              {c.lastSync?.finishedAt ? (
                <span className="component-sub muted">{new Date(c.lastSync.finishedAt).toLocaleString(locale)}</span>
              ) : null}
            </button>
            <button
              type="button"
              className="icon-button"
              title={t('sync.one', { component: c.name })}
              aria-label={t('sync.one', { component: c.name })}
              disabled={syncing.has(c.name)}
              onClick={() => onSync(c.name)}
            >
              ⟳
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** ✓ or ✗ from the last verification, greyed when the mirror changed after it. */
function VerifiedMark({ verified, lastSyncAt }: { verified: { ok: boolean; at: string }; lastSyncAt: string | null }) {
  const { t } = useI18n();
  const stale = lastSyncAt !== null && lastSyncAt > verified.at;
  const title = stale ? t('deposit.verificationStale') : verified.ok ? t('deposit.verifiedOkShort') : t('deposit.verifiedFailedShort');
  return (
    <span className={`verified ${stale ? 'muted' : verified.ok ? 'ok-text' : 'danger-text'}`} title={title} data-testid="verified-mark">
      {verified.ok ? '✓' : '✗'}
    </span>
  );
}
