import type { LedgerStatus } from '../../../../shared/contract/ledger.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { shortHex } from '../trust/trust-format.js';

/** This workstation's own ledger: who it is to the others, where its ledger stands, what is still to be written. */
export function WorkstationCard({ status }: { status: LedgerStatus }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" data-testid="ledger-here">
      <header className="card-header">
        <h3>{t('ledgerView.here.title')}</h3>
      </header>
      <dl className="ledger-facts">
        <div>
          <dt>{t('ledgerView.here.peer')}</dt>
          <dd className="mono" data-testid="ledger-peer">
            {status.peer}
          </dd>
        </div>
        <div>
          <dt>{t('ledgerView.here.commit')}</dt>
          <dd data-testid="ledger-commit">
            {status.commit ? (
              <span className="mono" title={status.commit}>
                {shortHex(status.commit)}
              </span>
            ) : (
              <span className="muted">{t('ledgerView.here.noCommit')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('ledgerView.here.events')}</dt>
          <dd data-testid="ledger-events">{status.events.toLocaleString(locale)}</dd>
        </div>
        <div>
          <dt>{t('ledgerView.here.pending')}</dt>
          <dd data-testid="ledger-pending" data-count={status.pending} className={status.pending > 0 ? 'warn-text' : 'muted'}>
            {status.pending > 0 ? t('ledgerView.here.pendingSome', { count: status.pending }) : t('ledgerView.here.pendingNone')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
