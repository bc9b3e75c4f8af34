import { useState } from 'react';
import type { SarifImportSummary } from '../../../../shared/contract/findings.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Scanner output in: a SARIF file on the machine running the core (as a bundle is imported), its results
 * turned into findings on this release. A re-import updates what it reported before, never duplicates.
 */
export function SarifImport({ component, commit, onImported }: { component: string; commit: string; onImported(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const [file, setFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<SarifImportSummary | null>(null);
  const [error, setError] = useState<WireError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      setSummary(await api.call('sarif.import', { component, ref: commit, file: file.trim() }));
      onImported();
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="sarif-import-card">
      <header className="card-header">
        <h3>{t('findingsView.sarif.importTitle', { commit: commit.slice(0, 12) })}</h3>
      </header>
      <p className="muted small">{t('findingsView.sarif.importHint')}</p>
      <div className="inline-form">
        <input className="mono" value={file} onChange={(e) => setFile(e.target.value)} placeholder={t('findingsView.sarif.path')} aria-label={t('findingsView.sarif.path')} data-testid="sarif-path" />
        <button type="button" onClick={() => void run()} disabled={busy || file.trim() === ''} data-testid="sarif-import">
          {busy ? t('common.loading') : t('findingsView.sarif.import')}
        </button>
      </div>
      {summary ? (
        <div className="sarif-summary" data-testid="sarif-summary">
          <p className="ok-text">
            {t('findingsView.sarif.summary', { results: summary.results, created: summary.created, updated: summary.updated, noLongerReported: summary.noLongerReported, skipped: summary.skipped.length })}
          </p>
          {summary.skipped.length > 0 ? (
            <>
              <h4>{t('findingsView.sarif.skipped', { count: summary.skipped.length })}</h4>
              <ul className="skipped-list">
                {summary.skipped.slice(0, 200).map((s) => (
                  <li key={s.index}>
                    <span className="muted">{t('findingsView.sarif.resultNumber', { index: s.index })}</span> {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}

/** The release's findings as SARIF 2.1.0: shown, copied, or saved as `<component>-<commit12>.sarif`. */
export function SarifExport({ component, commit }: { component: string; commit: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const fileName = `${component}-${commit.slice(0, 12)}.sarif`;

  const run = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const { sarif } = await api.call('sarif.export', { component, ref: commit });
      setText(JSON.stringify(sarif, null, 2));
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch (e) {
      setError(toWire(e));
    }
  };

  const download = () => {
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/sarif+json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="card" data-testid="sarif-export-card">
      <header className="card-header">
        <h3>{t('findingsView.sarif.exportTitle', { commit: commit.slice(0, 12) })}</h3>
        <div className="card-buttons">
          <button type="button" onClick={() => void run()} disabled={busy} data-testid="sarif-export">
            {text === null ? t('findingsView.sarif.export') : t('findingsView.sarif.refresh')}
          </button>
          <button type="button" onClick={() => void copy()} disabled={text === null} data-testid="sarif-copy">
            {copied ? t('findingsView.sarif.copied') : t('findingsView.sarif.copy')}
          </button>
          <button type="button" onClick={download} disabled={text === null} data-testid="sarif-download" title={fileName}>
            {t('findingsView.sarif.download', { file: fileName })}
          </button>
        </div>
      </header>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {text !== null ? (
        <pre className="sarif-json" data-testid="sarif-json">
          {text}
        </pre>
      ) : null}
    </section>
  );
}
