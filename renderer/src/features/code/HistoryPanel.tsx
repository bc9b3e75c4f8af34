import { useState } from 'react';
import type { Place } from '../../app/navigation.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { visibleText } from '../../../../shared/domain/visible-text.js';

interface HistoryPanelProps {
  component: string;
  commit: string;
  path: string;
  onOpen(place: Partial<Place>): void;
  onClose(): void;
}

/** The commits that changed a file, following renames; a commit opens to its details. */
export function HistoryPanel({ component, commit, path, onOpen, onClose }: HistoryPanelProps) {
  const { t, locale } = useI18n();
  const history = useCall('history.file', { component, ref: commit, path, limit: 200 });
  const [shown, setShown] = useState<string | null>(null);
  return (
    <aside className="side-panel" data-testid="history-panel">
      <header className="card-header">
        <h3>{t('fileHistory.title')}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      </header>
      {history.error ? <ErrorNotice error={history.error} /> : null}
      <ol className="history-list">
        {history.data?.entries.map((entry) => (
          <li key={entry.commit} className={entry.commit === shown ? 'selected' : ''}>
            <button type="button" onClick={() => setShown(shown === entry.commit ? null : entry.commit)} data-testid="history-entry">
              <span className="mono small">{entry.commit.slice(0, 8)}</span> <span className="history-subject">{visibleText(entry.subject)}</span>
              <div className="muted small">
                {visibleText(entry.author)} · {new Date(entry.date).toLocaleString(locale)}
                {entry.path !== path ? ` · ${visibleText(entry.path)}` : ''}
              </div>
            </button>
            {entry.commit === shown ? <CommitDetails component={component} commit={entry.commit} onOpen={onOpen} /> : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}

function CommitDetails({ component, commit, onOpen }: { component: string; commit: string; onOpen: HistoryPanelProps['onOpen'] }) {
  const { t, locale } = useI18n();
  const details = useCall('commit.show', { component, commit });
  if (details.error) return <ErrorNotice error={details.error} />;
  if (!details.data) return <div className="muted small">{t('common.loading')}</div>;
  const d = details.data;
  return (
    <div className="commit-details" data-testid="commit-details">
      <div className="small">
        {t('fileHistory.author')}: {visibleText(d.author.name)} &lt;{visibleText(d.author.email)}&gt; · {new Date(d.author.date).toLocaleString(locale)}
      </div>
      {d.committer.name !== d.author.name ? (
        <div className="small muted">
          {t('fileHistory.committer')}: {visibleText(d.committer.name)} · {new Date(d.committer.date).toLocaleString(locale)}
        </div>
      ) : null}
      <pre className="commit-message">{visibleText(d.message, { keepLines: true })}</pre>
      <ul className="commit-files">
        {d.files.map((f) => (
          <li key={`${f.oldPath ?? ''}>${f.path}`}>
            <button type="button" className="link-button" disabled={f.status === 'deleted'} onClick={() => onOpen({ component, ref: commit, path: f.path, startLine: null, endLine: null })}>
              <span className={`change-status change-${f.status}`}>{t(`compare.status.${f.status}`)}</span> <span className="mono">{visibleText(f.oldPath && f.oldPath !== f.path ? `${f.oldPath} → ${f.path}` : f.path)}</span>{' '}
              <span className="muted">{f.additions === null ? t('compare.binary') : `+${f.additions} −${f.deletions}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
