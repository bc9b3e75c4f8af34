import type { LedgerStatus } from '../../../../shared/contract/ledger.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { EmptyRow, TableHead } from '../trust/TableParts.js';
import { conflictKindName } from './ledger-wording.js';

/** Changes that crossed each other (or could not be applied here), settled the same way on every workstation. */
export function ConflictsCard({ conflicts, total }: { conflicts: LedgerStatus['conflicts']; total: number }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" data-testid="ledger-conflicts" data-count={conflicts.length}>
      <header className="card-header">
        <h3>
          {t('ledgerView.conflicts.title')}
          {total > 0 ? <span className="pill warn ledger-count">{total}</span> : null}
        </h3>
      </header>
      <p className="muted small">{t('ledgerView.conflicts.hint')}</p>
      {total > conflicts.length ? <p className="muted small">{t('ledgerView.listCut', { shown: conflicts.length, total })}</p> : null}
      <table className="data-table trust-table">
        <TableHead
          titles={[
            t('ledgerView.conflicts.column.kind'),
            t('ledgerView.conflicts.column.subject'),
            t('ledgerView.conflicts.column.detail'),
            t('ledgerView.conflicts.column.actor'),
            t('ledgerView.conflicts.column.at'),
          ]}
        />
        <tbody>
          {conflicts.length === 0 ? <EmptyRow columns={5} text={t('ledgerView.conflicts.empty')} /> : null}
          {conflicts.map((c) => (
            <tr key={c.eventId} data-testid="ledger-conflict-row" data-kind={c.kind}>
              <td className="nowrap">
                <span className={`pill ${c.kind === 'concurrent' ? 'warn' : 'danger'}`}>{conflictKindName(t, c.kind)}</span>
              </td>
              <td className="mono">{c.subject}</td>
              <td className="problem-detail">{c.detail}</td>
              <td className="person-cell">{c.actor}</td>
              <td className="nowrap">{new Date(c.at).toLocaleString(locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
