import { useCallback } from 'react';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OperationProgress } from '../../components/OperationProgress.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { BundleCard } from './BundleCard.js';
import { ConflictsCard } from './ConflictsCard.js';
import { ExchangeSummary } from './ExchangeSummary.js';
import { phaseName } from './ledger-wording.js';
import { QuarantineCard } from './QuarantineCard.js';
import { RemotesCard } from './RemotesCard.js';
import { useLedgerExchange, type LedgerTransfer } from './use-ledger-exchange.js';
import { WorkstationCard } from './WorkstationCard.js';
import '../trust/trust.css';
import './ledger.css';

/** The review ledger between workstations: this one's ledger, its remotes, bundles, quarantine and conflict notes. */
export function LedgerView() {
  const { t } = useI18n();
  const status = useCall('ledger.status', {});
  const reload = status.reload;
  const exchange = useLedgerExchange(useCallback(() => reload(), [reload]));
  const running = exchange.running;
  const busy = running !== null;

  const runningLabel = (what: LedgerTransfer) =>
    what.kind === 'import' ? t('ledgerView.running.import', { file: what.file }) : t(what.kind === 'push' ? 'ledgerView.running.push' : 'ledgerView.running.pull', { remote: what.remote });

  return (
    <div className="trust-page ledger-page" data-testid="ledger-view">
      <div className="findings-toolbar">
        <h2>{t('ledgerView.heading')}</h2>
        <span className="muted ledger-subheading">{t('ledgerView.subheading')}</span>
        <button type="button" onClick={reload} disabled={status.loading} data-testid="ledger-reload">
          {t('ledgerView.reload')}
        </button>
      </div>
      {running ? (
        <OperationProgress
          label={runningLabel(running.what)}
          phase={running.progress ? phaseName(t, running.progress.phase) : null}
          progress={running.progress}
          cancelling={running.cancelling}
          onCancel={exchange.cancel}
          testId="ledger-progress"
          cancelTestId="ledger-cancel"
        />
      ) : null}
      {exchange.error ? <ErrorNotice error={exchange.error} onDismiss={exchange.dismiss} /> : null}
      {status.error ? <ErrorNotice error={status.error} /> : null}
      {status.data ? (
        <>
          <WorkstationCard status={status.data} />
          <RemotesCard remotes={status.data.remotes} busy={busy} onPush={(name) => void exchange.push(name)} onPull={(name) => void exchange.pull(name)} onChanged={reload} />
          {exchange.outcome ? <ExchangeSummary outcome={exchange.outcome} /> : null}
          <BundleCard busy={busy} onImport={exchange.importBundle} onExported={reload} />
          <QuarantineCard quarantine={status.data.quarantine} total={status.data.quarantineTotal} />
          <ConflictsCard conflicts={status.data.conflicts} total={status.data.conflictsTotal} />
        </>
      ) : status.error ? null : (
        <div className="placeholder muted">{t('common.loading')}</div>
      )}
    </div>
  );
}
