import { useState } from 'react';
import { EVENT_TYPES } from '../../../../shared/domain/events.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AuditEventsTable } from './AuditEventsTable.js';
import { AuditVerifyCard } from './AuditVerifyCard.js';
import { eventTypeName, isEventType } from './audit-wording.js';
import { useAuditEvents, type AuditFilter } from './use-audit-events.js';
import './trust.css';

/** The signed, chained event log: filtered, paged, and verified end to end. */
export function AuditView() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({ type: null, actor: null });
  const log = useAuditEvents(filter);
  const roster = useCall('roster.list', {});
  const people = roster.data?.people.map((p) => p.name) ?? [];
  const filtered = filter.type !== null || filter.actor !== null;
  return (
    <div className="trust-page" data-testid="audit-view">
      <div className="findings-toolbar">
        <h2>{t('auditView.heading')}</h2>
        <span className="muted">{t('auditView.subheading')}</span>
      </div>
      <AuditVerifyCard />
      <div className="findings-filters" data-testid="audit-filters">
        <label className="inline-label">
          <span>{t('auditView.filter.type')}</span>
          <select value={filter.type ?? ''} onChange={(e) => setFilter({ ...filter, type: isEventType(e.target.value) ? e.target.value : null })} data-testid="audit-filter-type">
            <option value="">{t('auditView.filter.anyType')}</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {eventTypeName(t, type)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <span>{t('auditView.filter.person')}</span>
          <select value={filter.actor ?? ''} onChange={(e) => setFilter({ ...filter, actor: e.target.value || null })} data-testid="audit-filter-person">
            <option value="">{t('auditView.filter.anyone')}</option>
            {people.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={log.reload} disabled={log.loading} data-testid="audit-reload">
          {t('auditView.reload')}
        </button>
        <span className="muted findings-count" data-testid="audit-count">
          {log.total === null ? t('common.loading') : t('auditView.shown', { shown: log.events.length, total: log.total })}
        </span>
      </div>
      {log.error ? <ErrorNotice error={log.error} /> : null}
      <div className="findings-table-wrap">
        <AuditEventsTable events={log.events} empty={log.loading ? '' : t(filtered ? 'auditView.emptyFiltered' : 'auditView.empty')} />
        {log.more ? (
          <button type="button" className="more" onClick={log.loadMore} disabled={log.loading} data-testid="audit-more">
            {t('auditView.loadMore')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
