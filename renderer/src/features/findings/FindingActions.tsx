import { useState } from 'react';
import type { Finding, FindingStatus } from '../../../../shared/contract/findings.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire, useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReleasePicker } from '../releases/ReleasePicker.js';
import { nextStatuses } from './finding-workflow.js';
import { useActingPerson } from './use-acting-person.js';

type SettableStatus = Exclude<FindingStatus, 'risk-accepted'>;

/**
 * The moves the workflow allows from the finding's status. Risk acceptance has its own form; fixed names
 * the later release whose code no longer holds the lines (the core checks it there).
 */
export function FindingActions({ finding, component, commit, onChanged }: { finding: Finding; component: string; commit: string | null; onChanged(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const person = useActingPerson();
  const [comment, setComment] = useState('');
  const [fixing, setFixing] = useState(false);
  const [fixRef, setFixRef] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const releases = useCall('release.list', fixing ? { component } : null);
  const moves = nextStatuses(finding.status).filter((s): s is SettableStatus => s !== 'risk-accepted');
  const defaultFixRef = commit !== null && commit !== finding.commit ? commit : null;
  const chosenFixRef = fixRef ?? defaultFixRef;
  const proposer = finding.falsePositiveProposedBy;

  const move = async (status: SettableStatus, ref?: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.call('finding.setStatus', { id: finding.id, status, comment: comment.trim(), ...(ref ? { ref } : {}) });
      setComment('');
      setFixing(false);
      setFixRef(null);
      onChanged();
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  if (moves.length === 0) return null;
  return (
    <section className="finding-actions" data-testid="finding-actions">
      <h4>{t('findingsView.actions.title')}</h4>
      {proposer && moves.includes('false-positive') ? <p className="small warn-text">{t('findingsView.actions.falsePositiveProposed', { person: proposer })}</p> : null}
      <textarea className="action-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={5000} placeholder={t('findingsView.actions.comment')} aria-label={t('findingsView.actions.comment')} data-testid="finding-comment" />
      <div className="action-buttons">
        {moves.map((status) =>
          status === 'fixed' ? (
            <button key={status} type="button" className={fixing ? 'active' : ''} onClick={() => setFixing(!fixing)} disabled={busy} data-testid="finding-action-fixed">
              {t('findingsView.action.fixed')}
            </button>
          ) : (
            <button
              key={status}
              type="button"
              onClick={() => void move(status)}
              disabled={busy || (status === 'false-positive' && proposer !== null && proposer === person)}
              data-testid={`finding-action-${status}`}
            >
              {status === 'false-positive' && proposer ? t('findingsView.action.confirmFalsePositive') : t(`findingsView.action.${status}`)}
            </button>
          ),
        )}
      </div>
      {fixing ? (
        <div className="fix-form" data-testid="fix-form">
          <p className="muted small">{t('findingsView.actions.fixHint', { commit: finding.commit.slice(0, 12) })}</p>
          <div className="inline-form">
            <ReleasePicker releases={releases.data?.releases ?? []} pinned={releases.data?.pinned ?? []} value={chosenFixRef} onChange={setFixRef} />
            <button type="button" className="primary" disabled={busy || chosenFixRef === null} onClick={() => chosenFixRef && void move('fixed', chosenFixRef)} data-testid="finding-fixed-confirm">
              {t('findingsView.actions.fixConfirm')}
            </button>
          </div>
          {releases.error ? <ErrorNotice error={releases.error} /> : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
