import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useAction } from '../../app/use-action.js';
import { ExportedMark } from './ExportedMark.js';

const MARK = /^[0-9a-f]{40}$/;

/** Write the ledger to a bundle: all of it, or only what followed the mark an earlier export printed. */
export function ExportBundleForm({ busy, onExported }: { busy: boolean; onExported(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [file, setFile] = useState('');
  const [since, setSince] = useState('');
  const [exported, setExported] = useState<MethodOutput<'ledger.export'> | null>(null);
  const action = useAction();
  const mark = since.trim().toLowerCase();
  const badMark = mark !== '' && !MARK.test(mark);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setExported(null);
    const result = await action.run(() => api.call('ledger.export', { file: file.trim(), ...(mark ? { since: mark } : {}) }));
    if (!result) return;
    setExported(result);
    onExported();
  };

  return (
    <div className="ledger-bundle-form">
      <form className="stacked-form" onSubmit={(e) => void submit(e)}>
        <label className="stacked-label">
          <span>{t('ledgerView.bundle.exportPath')}</span>
          <input className="mono" value={file} placeholder={t('ledgerView.bundle.pathPlaceholder')} spellCheck={false} onChange={(e) => setFile(e.target.value)} data-testid="ledger-export-path" />
        </label>
        <label className="stacked-label">
          <span>{t('ledgerView.bundle.since')}</span>
          <input className="mono" value={since} maxLength={40} placeholder={t('ledgerView.bundle.sincePlaceholder')} spellCheck={false} onChange={(e) => setSince(e.target.value)} aria-invalid={badMark} data-testid="ledger-export-since" />
        </label>
        {badMark ? <p className="danger-text small">{t('ledgerView.bundle.badMark')}</p> : null}
        <div className="form-actions">
          <button type="submit" disabled={action.busy || busy || file.trim() === '' || badMark} data-testid="ledger-export">
            {t('ledgerView.bundle.export')}
          </button>
        </div>
      </form>
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
      {exported ? <ExportedMark exported={exported} /> : null}
    </div>
  );
}
