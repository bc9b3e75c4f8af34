import { useMemo, useState } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { NewThreadForm } from './NewThreadForm.js';
import { ThreadCard } from './ThreadCard.js';

interface ThreadsPanelProps {
  component: string;
  commit: string;
  path: string;
  threads: readonly Thread[];
  person: string | null;
  /** Lines chosen for a new thread, or null. */
  draft: { startLine: number; endLine: number } | null;
  onDraftDone(): void;
  onChanged(): void;
  onOpen(thread: Thread): void;
  onClose(): void;
}

type StatusFilter = 'open' | 'resolved' | 'all';

/** The threads of the release being read, filtered by state, person and file. */
export function ThreadsPanel({ component, commit, path, threads, person, draft, onDraftDone, onChanged, onOpen, onClose }: ThreadsPanelProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [who, setWho] = useState<string>('');
  const [thisFile, setThisFile] = useState(true);
  const people = useMemo(() => [...new Set(threads.flatMap((th) => th.comments.map((c) => c.author)))].sort(), [threads]);
  const shown = threads.filter(
    (th) =>
      (status === 'all' || th.status === status) &&
      (who === '' || th.comments.some((c) => c.author === who)) &&
      (!thisFile || (th.placement.path ?? th.anchor.path) === path),
  );
  return (
    <aside className="side-panel threads-panel" data-testid="threads-panel">
      <header className="card-header">
        <h3>{t('thread.title')}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      </header>
      {draft ? <NewThreadForm component={component} commit={commit} path={path} startLine={draft.startLine} endLine={draft.endLine} onDone={() => (onDraftDone(), onChanged())} /> : null}
      <div className="filters">
        <select value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)} aria-label={t('thread.filterStatus')} data-testid="thread-filter-status">
          <option value="open">{t('thread.status.open')}</option>
          <option value="resolved">{t('thread.status.resolved')}</option>
          <option value="all">{t('thread.filterAll')}</option>
        </select>
        <select value={who} onChange={(e) => setWho(e.target.value)} aria-label={t('thread.filterPerson')}>
          <option value="">{t('thread.anyone')}</option>
          {person ? <option value={person}>{t('thread.mine')}</option> : null}
          {people.filter((p) => p !== person).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={thisFile} onChange={(e) => setThisFile(e.target.checked)} /> {t('thread.thisFile')}
        </label>
      </div>
      {shown.length === 0 ? <div className="muted padded">{t('thread.none')}</div> : null}
      {shown.map((th) => (
        <ThreadCard key={th.id} thread={th} person={person} onChanged={onChanged} onOpen={onOpen} />
      ))}
    </aside>
  );
}
