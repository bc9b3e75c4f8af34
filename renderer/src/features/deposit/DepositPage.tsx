import { useCallback, useEffect, useState } from 'react';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire, useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { AlarmsCard } from './AlarmsCard.js';
import { BundleActions } from './BundleActions.js';
import { InventoryCard } from './InventoryCard.js';
import { ReleasesCard } from './ReleasesCard.js';
import { SyncHistoryCard } from './SyncHistoryCard.js';
import { VerificationCard } from './VerificationCard.js';

/** One component's deposit: where it comes from, how it changed, what alarmed, whether it is complete. */
export function DepositPage({ component }: { component: string }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const overview = useCall('deposit.overview', { component });
  const refs = useCall('release.list', { component });
  const [selected, setSelected] = useState<number | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [pinning, setPinning] = useState(false);
  const [pinError, setPinError] = useState<WireError | null>(null);
  const [actionError, setActionError] = useState<WireError | null>(null);

  const reload = overview.reload;
  useEffect(() => api.subscribe((event) => event.type === 'changed' && event.component === component && reload()), [api, component, reload]);
  const releases = overview.data?.releases ?? [];
  const chosen = releases.find((r) => r.id === selected) ?? releases[0] ?? null;
  const inventory = useCall('release.inventory', chosen ? { component, ref: chosen.commit } : null);

  const verify = useCallback(async () => {
    setVerifying(true);
    setActionError(null);
    await api.call('deposit.verify', { components: [component] }).catch((e: unknown) => setActionError(toWire(e)));
    setVerifying(false);
    reload();
  }, [api, component, reload]);

  const pin = async (ref: string) => {
    setPinning(true);
    setPinError(null);
    try {
      const { release } = await api.call('release.pin', { component, ref });
      setSelected(release.id);
    } catch (e) {
      setPinError(toWire(e));
    }
    setPinning(false);
    reload();
  };

  const acknowledge = async (alarmId: number, comment: string): Promise<WireError | null> => {
    try {
      await api.call('alarm.acknowledge', { alarmId, comment });
      reload();
      return null;
    } catch (e) {
      return toWire(e);
    }
  };

  if (overview.error) return <ErrorNotice error={overview.error} />;
  const data = overview.data;
  if (!data) return <div className="placeholder muted">{t('common.loading')}</div>;
  const summary = data.component;
  return (
    <div className="deposit-page" data-testid="deposit-page">
      <header className="deposit-header">
        <div>
          <h2>{summary.name}</h2>
          <div className="muted">
            <span className="pill">{summary.sourceKind}</span> <span className="mono">{summary.source}</span>
          </div>
        </div>
        <dl className="facts">
          <dt>{t('deposit.refs')}</dt>
          <dd>{summary.refCount.toLocaleString(locale)}</dd>
          <dt>{t('deposit.defaultBranch')}</dt>
          <dd className="mono">{data.headRef?.replace('refs/heads/', '') ?? '—'}</dd>
          <dt>{t('deposit.lastSync')}</dt>
          <dd>{summary.lastSync ? `${t(`sync.status.${summary.lastSync.status}`)} · ${new Date(summary.lastSync.startedAt).toLocaleString(locale)}` : t('sync.never')}</dd>
        </dl>
      </header>
      {actionError ? <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} /> : null}
      <div className="deposit-grid">
        <div className="deposit-column">
          <VerificationCard
            verification={data.verification}
            lastSyncAt={data.syncs.find((s) => s.status === 'ok')?.finishedAt ?? null}
            running={verifying}
            onVerify={() => void verify()}
          />
          <AlarmsCard alarms={data.alarms} onAcknowledge={acknowledge} />
          <SyncHistoryCard component={component} syncs={data.syncs} />
          <BundleActions component={component} onDone={reload} />
        </div>
        <div className="deposit-column">
          <ReleasesCard
            releases={releases}
            candidates={refs.data?.releases ?? []}
            selected={chosen?.id ?? null}
            pinning={pinning}
            error={pinError}
            onPin={(ref) => void pin(ref)}
            onSelect={setSelected}
          />
          {inventory.data && chosen ? <InventoryCard release={chosen.ref.replace(/^refs\/(tags|heads)\//, '')} inventory={inventory.data.inventory} /> : null}
        </div>
      </div>
    </div>
  );
}
