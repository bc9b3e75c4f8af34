import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { useCall } from '../../app/use-call.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

type SyncEntry = MethodOutput<'deposit.overview'>['syncs'][number];

/** Every sync of the component, newest first; a sync opens to show its ref changes page by page. */
export function SyncHistoryCard({ component, syncs }: { component: string; syncs: readonly SyncEntry[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card" data-testid="sync-history">
      <header className="card-header">
        <h3>{t('deposit.history')}</h3>
      </header>
      {syncs.length === 0 ? <p className="muted">{t('sync.never')}</p> : null}
      <ol className="timeline">
        {syncs.map((sync) => (
          <li key={sync.id} className={`timeline-item timeline-${sync.status}`}>
            <button type="button" className="timeline-head" onClick={() => setOpen(open === sync.id ? null : sync.id)} aria-expanded={open === sync.id}>
              <SyncHead sync={sync} />
            </button>
            {open === sync.id ? <SyncChanges component={component} syncId={sync.id} /> : null}
          </li>
        ))}
      </ol>
      <p className="muted small">{t('deposit.historyNote')}</p>
    </section>
  );
}

function SyncHead({ sync }: { sync: SyncEntry }) {
  const { t, locale } = useI18n();
  const counts = sync.refs;
  return (
    <>
      <span className="timeline-dot" aria-hidden="true" />
      <span className="mono">#{sync.id}</span>
      <span>{new Date(sync.startedAt).toLocaleString(locale)}</span>
      <span className={`pill ${sync.status === 'ok' ? 'ok' : sync.status === 'failed' || sync.status === 'interrupted' ? 'danger' : ''}`}>{t(`sync.status.${sync.status}`)}</span>
      {sync.status === 'ok' ? (
        <span className="counts">
          <span title={t('deposit.added')}>+{counts.added}</span> <span title={t('deposit.updated')}>↑{counts.updated}</span>{' '}
          <span className={counts.forced > 0 ? 'danger-text' : ''} title={t('deposit.forced')}>
            ⚠{counts.forced}
          </span>{' '}
          <span className={counts.deleted > 0 ? 'danger-text' : ''} title={t('deposit.deleted')}>
            −{counts.deleted}
          </span>{' '}
          <span className="muted" title={t('deposit.unchanged')}>
            ={counts.unchanged}
          </span>
        </span>
      ) : null}
      {sync.bundle ? <span className="muted">📦 {sync.bundle}</span> : null}
      {sync.error ? <span className="danger-text small">{sync.error}</span> : null}
    </>
  );
}

const PAGE = 100;

function SyncChanges({ component, syncId }: { component: string; syncId: number }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const changes = useCall('deposit.syncChanges', { component, syncId, offset, limit: PAGE });
  if (!changes.data) return <div className="muted padded">{t('common.loading')}</div>;
  const { total } = changes.data;
  return (
    <div className="ref-changes">
      {total === 0 ? <p className="muted">{t('deposit.noChanges')}</p> : null}
      <table>
        <tbody>
          {changes.data.changes.map((c) => (
            <tr key={c.refname} className={`change-${c.kind}`}>
              <td>{t(`deposit.${c.kind}`)}</td>
              <td className="mono">{visibleText(c.refname)}</td>
              <td className="mono muted">
                {c.oldTarget?.slice(0, 10) ?? '∅'} → {c.newTarget?.slice(0, 10) ?? '∅'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > PAGE ? (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            ←
          </button>
          <span>{t('deposit.page', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            →
          </button>
        </div>
      ) : null}
    </div>
  );
}
