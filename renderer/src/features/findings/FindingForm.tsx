import { useState, type FormEvent } from 'react';
import { SEVERITIES, type Finding, type Severity } from '../../../../shared/contract/findings.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { parseLineRange } from './finding-workflow.js';

export interface FindingFormProps {
  component: string;
  /** The release the lines are read in (a commit or ref): the finding is anchored there. */
  commit: string;
  path?: string;
  startLine?: number;
  endLine?: number;
  /** Called with the recorded finding, or with null when the form is cancelled. */
  onDone(finding: Finding | null): void;
}

/** Record a finding on lines of a file of a release: from the Findings view, or from lines selected in the Code view. */
export function FindingForm({ component, commit, path: initialPath, startLine, endLine, onDone }: FindingFormProps) {
  const api = useApi();
  const { t } = useI18n();
  const [path, setPath] = useState(initialPath ?? '');
  const [lines, setLines] = useState(startLine === undefined ? '' : endLine !== undefined && endLine !== startLine ? `${startLine}-${endLine}` : String(startLine));
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [cwe, setCwe] = useState('');
  const [cvss, setCvss] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  const range = parseLineRange(lines);
  const linesInvalid = lines.trim() !== '' && range === null;
  const ready = path.trim() !== '' && range !== null && title.trim() !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !range) return;
    setBusy(true);
    setError(null);
    try {
      const finding = await api.call('finding.add', {
        component,
        ref: commit,
        title: title.trim(),
        description,
        severity,
        ...(cwe.trim() ? { cwe: cwe.trim() } : {}),
        ...(cvss.trim() ? { cvss: cvss.trim() } : {}),
        locations: [{ path: path.trim(), ...range }],
      });
      onDone(finding);
    } catch (e) {
      setError(toWire(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card finding-form" onSubmit={(e) => void submit(e)} data-testid="finding-form">
      <header className="card-header">
        <h3>{t('findingsView.add.title', { component, commit: commit.slice(0, 12) })}</h3>
      </header>
      <div className="form-grid">
        <label>
          <span>{t('findingsView.field.path')}</span>
          <input className="mono" value={path} onChange={(e) => setPath(e.target.value)} placeholder="internal/acquirer/client.go" data-testid="finding-path" required />
        </label>
        <label>
          <span>{t('findingsView.field.lines')}</span>
          <input value={lines} onChange={(e) => setLines(e.target.value)} placeholder="10-20" aria-invalid={linesInvalid} data-testid="finding-lines" required />
          {linesInvalid ? <small className="danger-text">{t('findingsView.field.linesInvalid')}</small> : null}
        </label>
        <label className="span-2">
          <span>{t('findingsView.field.title')}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} data-testid="finding-title" required />
        </label>
        <label>
          <span>{t('findingsView.field.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} data-testid="finding-severity">
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`findingsView.severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('findingsView.field.cwe')}</span>
          <input value={cwe} onChange={(e) => setCwe(e.target.value)} placeholder="CWE-89" maxLength={64} data-testid="finding-cwe" />
        </label>
        <label className="span-2">
          <span>{t('findingsView.field.cvss')}</span>
          <input className="mono" value={cvss} onChange={(e) => setCvss(e.target.value)} placeholder="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" maxLength={512} data-testid="finding-cvss" />
        </label>
        <label className="span-2">
          <span>{t('findingsView.field.description')}</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={5} maxLength={20_000} data-testid="finding-description" />
        </label>
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy || !ready} data-testid="finding-submit">
          {t('findingsView.add.submit')}
        </button>
        <button type="button" onClick={() => onDone(null)} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
