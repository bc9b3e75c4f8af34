import type { LedgerStatus } from '../../../../shared/contract/ledger.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { EmptyRow, TableHead } from '../trust/TableParts.js';
import { shortHex } from '../trust/trust-format.js';
import { reasonName, sourceName } from './ledger-wording.js';

/** Events received that failed their checks: kept, never applied, each with the core's reason. */
export function QuarantineCard({ quarantine, total }: { quarantine: LedgerStatus['quarantine']; total: number }) {
  const { t, locale } = useI18n();
  return (
    <section className={`card${quarantine.length > 0 ? ' ledger-alert' : ''}`} data-testid="ledger-quarantine" data-count={quarantine.length}>
      <header className="card-header">
        <h3>
          {t('ledgerView.quarantine.title')}
          {total > 0 ? <span className="pill danger ledger-count">{total}</span> : null}
        </h3>
      </header>
      <p className="muted small">{t('ledgerView.quarantine.hint')}</p>
      {total > quarantine.length ? <p className="muted small">{t('ledgerView.listCut', { shown: quarantine.length, total })}</p> : null}
      <table className="data-table trust-table">
        <TableHead
          titles={[
            t('ledgerView.quarantine.column.signer'),
            t('ledgerView.quarantine.column.seq'),
            t('ledgerView.quarantine.column.reason'),
            t('ledgerView.quarantine.column.detail'),
            t('ledgerView.quarantine.column.source'),
            t('ledgerView.quarantine.column.received'),
          ]}
        />
        <tbody>
          {quarantine.length === 0 ? <EmptyRow columns={6} text={t('ledgerView.quarantine.empty')} /> : null}
          {quarantine.map((q) => (
            <tr key={`${q.keyid}/${q.seq}`} data-testid="ledger-quarantine-row" data-reason={q.reason}>
              <td className="mono key-cell" title={q.keyid}>
                {shortHex(q.keyid)}
              </td>
              <td className="nowrap">{q.seq}</td>
              <td>{reasonName(t, q.reason)}</td>
              <td className="mono small problem-detail">{q.detail}</td>
              <td className="nowrap">{sourceName(t, q.source)}</td>
              <td className="nowrap">{new Date(q.receivedAt).toLocaleString(locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
