import { useState } from 'react';
import type { Finding } from '../../../../shared/contract/findings.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { dateAfter, nextStatuses } from './finding-workflow.js';
import { useActingPerson } from './use-acting-person.js';

/**
 * Accepting a finding's risk takes two people: one asks, with a justification and an expiry date; another
 * approves. Once the date passes the finding is open again.
 */
export function RiskAcceptance({ finding, onChanged }: { finding: Finding; onChanged(): void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const person = useActingPerson();
  const [justification, setJustification] = useState('');
  const [expiresOn, setExpiresOn] = useState(() => dateAfter(90));
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const risk = finding.risk;
  const pending = risk?.state === 'requested' && !risk.expired ? risk : null;
  const canRequest = pending === null && nextStatuses(finding.status).includes('risk-accepted');
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { timeZone: 'UTC' });

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setJustification('');
      setComment('');
      onChanged();
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  if (!risk && !canRequest) return null;
  return (
    <section className="risk-acceptance" data-testid="risk-acceptance">
      <h4>{t('findingsView.risk.title')}</h4>
      {risk ? (
        <div className={`risk-state risk-${risk.expired ? 'expired' : risk.state}`} data-testid="risk-state">
          <p>
            {risk.state === 'approved'
              ? t('findingsView.risk.approved', { approver: risk.approvedBy ?? '?', requester: risk.requestedBy, expires: date(risk.expiresAt) })
              : t('findingsView.risk.requested', { requester: risk.requestedBy, at: date(risk.requestedAt), expires: date(risk.expiresAt) })}
          </p>
          {risk.expired ? <p className="danger-text small">{t('findingsView.risk.expired', { expires: date(risk.expiresAt) })}</p> : null}
          <div className="risk-justification-text">{risk.justification}</div>
        </div>
      ) : null}
      {pending ? (
        <div className="risk-approve-form">
          <input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('findingsView.risk.approveComment')} aria-label={t('findingsView.risk.approveComment')} maxLength={5000} />
          <button
            type="button"
            className="primary"
            disabled={busy || person === pending.requestedBy}
            onClick={() => void run(() => api.call('finding.approveRisk', { id: finding.id, comment: comment.trim() }))}
            data-testid="risk-approve"
          >
            {t('findingsView.risk.approve')}
          </button>
          {person === pending.requestedBy ? <p className="muted small">{t('findingsView.risk.ownRequest', { person })}</p> : null}
        </div>
      ) : null}
      {canRequest ? (
        <div className="risk-request-form">
          <label>
            <span>{t('findingsView.risk.justification')}</span>
            <textarea value={justification} onChange={(e) => setJustification(e.target.value)} rows={3} maxLength={20_000} data-testid="risk-justification" />
          </label>
          <div className="inline-form">
            <label className="inline-label">
              <span>{t('findingsView.risk.expires')}</span>
              <input type="date" value={expiresOn} min={dateAfter(0)} onChange={(e) => setExpiresOn(e.target.value)} data-testid="risk-expires" />
            </label>
            <button
              type="button"
              disabled={busy || justification.trim() === '' || !/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)}
              onClick={() => void run(() => api.call('finding.requestRisk', { id: finding.id, justification: justification.trim(), expiresOn }))}
              data-testid="risk-request"
            >
              {t('findingsView.risk.request')}
            </button>
          </div>
          <p className="muted small">{t('findingsView.risk.requestHint')}</p>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
