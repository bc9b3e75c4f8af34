import type { LedgerExchange } from '../../../../shared/contract/ledger.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { shortHex } from '../trust/trust-format.js';
import type { LedgerOutcome } from './use-ledger-exchange.js';

/** What the last push, pull or import did: the counts a person checks, and what to look at next. */
export function ExchangeSummary({ outcome }: { outcome: LedgerOutcome }) {
  const { t, locale } = useI18n();
  const title =
    outcome.kind === 'pull'
      ? t('ledgerView.result.pulled', { remote: outcome.remote })
      : outcome.kind === 'import'
        ? t('ledgerView.result.imported', { file: outcome.file })
        : t('ledgerView.result.pushed', { remote: outcome.remote });
  return (
    <section className="card ledger-result" data-testid="ledger-result" data-kind={outcome.kind}>
      <header className="card-header">
        <h3>{t('ledgerView.result.title')}</h3>
        <span className="muted small nowrap">{new Date(outcome.at).toLocaleString(locale)}</span>
      </header>
      <p className="ledger-result-title" data-testid="ledger-result-title">
        {title}
      </p>
      {outcome.kind === 'push' ? (
        <p className="ok-text" data-testid="ledger-result-pushed">
          {outcome.commit
            ? t('ledgerView.result.pushedDone', { remote: outcome.remote, events: outcome.events, commit: shortHex(outcome.commit) })
            : t('ledgerView.result.pushedNothing')}
        </p>
      ) : (
        <ExchangeCounts exchange={outcome.exchange} />
      )}
    </section>
  );
}

function ExchangeCounts({ exchange }: { exchange: LedgerExchange }) {
  const { t, locale } = useI18n();
  const counts = [
    { id: 'applied', value: exchange.applied, label: t('ledgerView.result.applied'), tone: exchange.applied > 0 ? 'ok' : '' },
    { id: 'duplicates', value: exchange.duplicates, label: t('ledgerView.result.duplicates'), tone: '' },
    { id: 'quarantined', value: exchange.quarantined.length, label: t('ledgerView.result.quarantined'), tone: exchange.quarantined.length > 0 ? 'danger' : '' },
    { id: 'conflicts', value: exchange.conflicts, label: t('ledgerView.result.conflicts'), tone: exchange.conflicts > 0 ? 'warn' : '' },
    { id: 'peers', value: exchange.peers, label: t('ledgerView.result.peers'), tone: '' },
  ];
  return (
    <>
      <ul className="ledger-counts">
        {counts.map((c) => (
          <li key={c.id} className={c.tone} data-testid={`ledger-result-${c.id}`} data-count={c.value}>
            <strong>{c.value.toLocaleString(locale)}</strong>
            <span>{c.label}</span>
          </li>
        ))}
      </ul>
      {exchange.applied === 0 && exchange.quarantined.length === 0 ? <p className="muted">{t('ledgerView.result.nothingNew')}</p> : null}
      {exchange.applied > 0 ? (
        <p className="small" data-testid="ledger-result-rebuilt" data-rebuilt={exchange.rebuilt}>
          {t(exchange.rebuilt ? 'ledgerView.result.rebuilt' : 'ledgerView.result.onTop')}
        </p>
      ) : null}
      {exchange.quarantined.length > 0 ? <p className="danger-text small">{t('ledgerView.result.seeQuarantine')}</p> : null}
    </>
  );
}
