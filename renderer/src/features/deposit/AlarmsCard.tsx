import { useState } from 'react';
import type { AlarmRecord } from '../../../../shared/contract/deposits.js';
import type { WireError } from '../../../../shared/errors.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface AlarmsCardProps {
  alarms: readonly AlarmRecord[];
  onAcknowledge(alarmId: number, comment: string): Promise<WireError | null>;
}

/** Integrity alarms: each one stays on record; people add acknowledgements with a comment beside it. */
export function AlarmsCard({ alarms, onAcknowledge }: AlarmsCardProps) {
  const { t } = useI18n();
  const open = alarms.filter((a) => a.acknowledgements.length === 0).length;
  return (
    <section className="card" data-testid="alarms-card">
      <header className="card-header">
        <h3>{t('deposit.alarms')}</h3>
        {open > 0 ? <span className="pill danger">{t('deposit.openAlarms', { count: open })}</span> : null}
      </header>
      {alarms.length === 0 ? <p className="muted">{t('cli.alarm.none')}</p> : null}
      <ul className="alarm-list">
        {alarms.map((alarm) => (
          <AlarmItem key={alarm.id} alarm={alarm} onAcknowledge={onAcknowledge} />
        ))}
      </ul>
    </section>
  );
}

function AlarmItem({ alarm, onAcknowledge }: { alarm: AlarmRecord; onAcknowledge: AlarmsCardProps['onAcknowledge'] }) {
  const { t, locale } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<WireError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const failure = await onAcknowledge(alarm.id, comment);
    setBusy(false);
    setError(failure);
    if (!failure) setComment('');
  };
  return (
    <li className={`alarm ${alarm.acknowledgements.length === 0 ? 'open' : 'acknowledged'}`} data-testid={`alarm-${alarm.id}`}>
      <div className="alarm-head">
        <span className={`pill ${alarm.severity === 'high' ? 'danger' : 'warn'}`}>{t(`severity.${alarm.severity}`)}</span>
        <span className="mono">{visibleText(alarm.refname)}</span>
        <span>{t(alarm.kind === 'forced' ? 'deposit.alarmForced' : 'deposit.alarmDeleted')}</span>
        <span className="muted">{new Date(alarm.raisedAt).toLocaleString(locale)}</span>
      </div>
      <div className="alarm-body mono muted">
        {alarm.oldTarget.slice(0, 12)} → {alarm.newTarget ? alarm.newTarget.slice(0, 12) : '∅'} · {t('deposit.keptAt')} {alarm.preservedRef}
      </div>
      {alarm.acknowledgements.map((ack, i) => (
        <div key={i} className="acknowledgement">
          ✓ {t('cli.alarm.acknowledged', { by: ack.by, at: new Date(ack.at).toLocaleString(locale), comment: ack.comment })}
        </div>
      ))}
      {alarm.acknowledgements.length === 0 ? (
        <div className="acknowledge-form">
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('deposit.acknowledgeComment')} aria-label={t('deposit.acknowledgeComment')} rows={2} />
          <button type="button" disabled={busy || comment.trim() === ''} onClick={() => void submit()}>
            {t('deposit.acknowledge')}
          </button>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </li>
  );
}
