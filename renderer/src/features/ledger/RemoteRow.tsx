import { useState } from 'react';
import type { LedgerStatus } from '../../../../shared/contract/ledger.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useAction } from '../../app/use-action.js';
import { timeText } from './ledger-wording.js';

type LedgerRemote = LedgerStatus['remotes'][number];

interface RemoteRowProps {
  remote: LedgerRemote;
  /** Another push, pull or import is running: one exchange at a time. */
  busy: boolean;
  onPush(name: string): void;
  onPull(name: string): void;
  onRemoved(): void;
}

/** One remote: where it is, when it was last pushed and pulled (and what the pull brought), its last error. */
export function RemoteRow({ remote, busy, onPush, onPull, onRemoved }: RemoteRowProps) {
  const { t, locale, describeError } = useI18n();
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const removal = useAction();
  const never = t('ledgerView.remotes.never');

  const remove = async () => {
    if ((await removal.run(() => api.call('ledger.remoteRemove', { name: remote.name }))) !== undefined) onRemoved();
  };

  return (
    <>
      <tr data-testid="ledger-remote-row" data-name={remote.name}>
        <td className="ledger-remote-name">{remote.name}</td>
        <td className="mono ledger-url">{remote.url}</td>
        <td className="nowrap" data-testid="ledger-remote-push-at">
          {timeText(locale, remote.lastPushAt, never)}
        </td>
        <td data-testid="ledger-remote-pull-at">
          <span className="nowrap">{timeText(locale, remote.lastPullAt, never)}</span>
          {remote.lastPullAt && remote.lastPullEvents !== null ? <div className="muted small">{t('ledgerView.remotes.pulledEvents', { count: remote.lastPullEvents })}</div> : null}
          {remote.lastPullAt && remote.lastPullQuarantined ? <div className="danger-text small">{t('ledgerView.remotes.pulledQuarantined', { count: remote.lastPullQuarantined })}</div> : null}
        </td>
        <td className="ledger-error" data-testid="ledger-remote-error">
          {remote.lastError ? <span className="danger-text">{describeError(remote.lastError)}</span> : <span className="muted">—</span>}
        </td>
        <td className="row-buttons nowrap">
          <button type="button" className="primary" onClick={() => onPull(remote.name)} disabled={busy} title={t('ledgerView.remotes.pullHint', { name: remote.name })} data-testid="ledger-pull">
            {t('ledgerView.remotes.pull')}
          </button>
          <button type="button" onClick={() => onPush(remote.name)} disabled={busy} title={t('ledgerView.remotes.pushHint', { name: remote.name })} data-testid="ledger-push">
            {t('ledgerView.remotes.push')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy || confirming} data-testid="ledger-remove">
            {t('ledgerView.remotes.remove')}
          </button>
        </td>
      </tr>
      {confirming ? (
        <tr className="ledger-confirm-row" data-testid="ledger-remove-confirm">
          <td colSpan={6}>
            <span>{t('ledgerView.remotes.confirmRemove', { name: remote.name })}</span>{' '}
            <button type="button" className="danger" onClick={() => void remove()} disabled={removal.busy || busy} data-testid="ledger-remove-yes">
              {t('ledgerView.remotes.confirmYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            {removal.error ? <ErrorNotice error={removal.error} onDismiss={removal.dismiss} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
