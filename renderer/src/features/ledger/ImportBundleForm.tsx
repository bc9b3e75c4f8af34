import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';

/** Merge a bundle carried in: it runs as the page's long operation (progress and Cancel at the top of the page). */
export function ImportBundleForm({ busy, onImport }: { busy: boolean; onImport(file: string): Promise<boolean> }) {
  const { t } = useI18n();
  const [file, setFile] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onImport(file.trim())) setFile('');
  };
  return (
    <form className="stacked-form ledger-bundle-form" onSubmit={(e) => void submit(e)}>
      <label className="stacked-label">
        <span>{t('ledgerView.bundle.importPath')}</span>
        <input className="mono" value={file} placeholder={t('ledgerView.bundle.pathPlaceholder')} spellCheck={false} onChange={(e) => setFile(e.target.value)} data-testid="ledger-import-path" />
      </label>
      <div className="form-actions">
        <button type="submit" disabled={busy || file.trim() === ''} data-testid="ledger-import">
          {t('ledgerView.bundle.import')}
        </button>
      </div>
    </form>
  );
}
