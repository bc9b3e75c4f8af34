import { useState } from 'react';
import type { LedgerStatus } from '../../../../shared/contract/ledger.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { TableHead } from '../trust/TableParts.js';
import { AddRemoteForm } from './AddRemoteForm.js';
import { RemoteRow } from './RemoteRow.js';

interface RemotesCardProps {
  remotes: LedgerStatus['remotes'];
  busy: boolean;
  onPush(name: string): void;
  onPull(name: string): void;
  onChanged(): void;
}

/** The git remotes this workstation exchanges its ledger with, each with Pull and Push; adding and forgetting one. */
export function RemotesCard({ remotes, busy, onPush, onPull, onChanged }: RemotesCardProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(remotes.length === 0);
  return (
    <section className="card" data-testid="ledger-remotes-card">
      <header className="card-header">
        <h3>{t('ledgerView.remotes.title')}</h3>
        <button type="button" className={adding ? 'active' : ''} onClick={() => setAdding((a) => !a)} aria-expanded={adding} data-testid="ledger-add-open">
          {t('ledgerView.add.open')}
        </button>
      </header>
      <p className="muted small">{t('ledgerView.remotes.hint')}</p>
      {remotes.length === 0 ? (
        <p className="ledger-empty" data-testid="ledger-remotes-empty">
          {t('ledgerView.remotes.empty')}
        </p>
      ) : (
        <div className="ledger-table-wrap">
          <table className="data-table trust-table ledger-remotes" data-testid="ledger-remotes">
            <TableHead
              titles={[
                t('ledgerView.remotes.column.name'),
                t('ledgerView.remotes.column.url'),
                t('ledgerView.remotes.column.lastPush'),
                t('ledgerView.remotes.column.lastPull'),
                t('ledgerView.remotes.column.lastError'),
                '',
              ]}
            />
            <tbody>
              {remotes.map((remote) => (
                <RemoteRow key={remote.name} remote={remote} busy={busy} onPush={onPush} onPull={onPull} onRemoved={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? <AddRemoteForm onAdded={onChanged} /> : null}
    </section>
  );
}
