import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { shortHex } from '../trust/trust-format.js';
import { useAction } from '../../app/use-action.js';

/** What an export wrote, and the mark to give the next export, whole so it can be selected or copied. */
export function ExportedMark({ exported }: { exported: MethodOutput<'ledger.export'> }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = useAction();
  const copyMark = () =>
    void copy.run(async () => {
      await navigator.clipboard.writeText(exported.mark);
      setCopied(true);
    });
  return (
    <div className="ledger-exported" data-testid="ledger-exported">
      <p className="ok-text small">{t('ledgerView.bundle.exported', { events: exported.events, file: exported.file })}</p>
      {exported.since ? <p className="muted small">{t('ledgerView.bundle.exportedSince', { since: shortHex(exported.since) })}</p> : null}
      <div className="stacked-label">
        <span>{t('ledgerView.bundle.mark')}</span>
        <div className="ledger-mark">
          <code className="public-key" data-testid="ledger-mark">
            {exported.mark}
          </code>
          <button type="button" onClick={copyMark} data-testid="ledger-mark-copy">
            {copied ? t('ledgerView.bundle.copied') : t('ledgerView.bundle.copy')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('ledgerView.bundle.markHint')}</p>
      {copy.error ? <ErrorNotice error={copy.error} onDismiss={copy.dismiss} /> : null}
    </div>
  );
}
