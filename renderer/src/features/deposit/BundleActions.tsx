import { useState } from 'react';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** Air-gapped deposits: import a bundle carried in, or write one to carry the deposit onwards. */
export function BundleActions({ component, onDone }: { component: string; onDone(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const [importPath, setImportPath] = useState('');
  const [exportPath, setExportPath] = useState('');
  const [since, setSince] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      onDone();
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="bundle-card">
      <header className="card-header">
        <h3>{t('deposit.bundles')}</h3>
      </header>
      <div className="inline-form">
        <input value={importPath} onChange={(e) => setImportPath(e.target.value)} placeholder={t('deposit.bundlePath')} aria-label={t('deposit.importBundle')} />
        <button
          type="button"
          disabled={busy || importPath.trim() === ''}
          onClick={() =>
            void run(async () => {
              const result = await api.call('bundle.import', { component, file: importPath.trim() });
              return t('cli.bundle.imported', { component, refs: result.bundle.refs, sha256: result.bundle.sha256 });
            })
          }
        >
          {t('deposit.importBundle')}
        </button>
      </div>
      <div className="inline-form">
        <input value={exportPath} onChange={(e) => setExportPath(e.target.value)} placeholder={t('deposit.bundlePath')} aria-label={t('deposit.exportBundle')} />
        <input value={since} onChange={(e) => setSince(e.target.value.replace(/\D/g, ''))} placeholder={t('deposit.sinceSync')} aria-label={t('deposit.sinceSync')} className="narrow" />
        <button
          type="button"
          disabled={busy || exportPath.trim() === ''}
          onClick={() =>
            void run(async () => {
              const { bundle } = await api.call('bundle.export', since ? { component, file: exportPath.trim(), sinceSync: Number(since) } : { component, file: exportPath.trim() });
              return t('cli.bundle.exported', { file: bundle.file, refs: bundle.refs, bytes: bundle.bytes, sha256: bundle.sha256, prerequisites: bundle.prerequisites.length });
            })
          }
        >
          {t('deposit.exportBundle')}
        </button>
      </div>
      {message ? <p className="ok-text small">{message}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
