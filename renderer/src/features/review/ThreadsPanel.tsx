import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { NewThreadForm } from './NewThreadForm.js';
import { ThreadCard } from './ThreadCard.js';

/** Lines of a file of a release chosen for a new thread. */
export interface ThreadDraft {
  commit: string;
  path: string;
  startLine: number;
  endLine: number;
}

/** A request to bring one thread's card into view (a new nonce each time, so the same thread can be asked twice). */
export interface ThreadFocus {
  id: string;
  nonce: number;
}

interface ThreadsPanelProps {
  component: string;
  threads: readonly Thread[];
  person: string | null;
  draft: ThreadDraft | null;
  /** The open file: offers the "this file only" filter (on at first). */
  path?: string;
  focus?: ThreadFocus | null;
  /** Extra labels for a thread's card. */
  badges?(thread: Thread): ReactNode;
  onDraftDone(): void;
  onChanged(): void;
  onOpen(thread: Thread): void;
  onClose(): void;
}

type StatusFilter = 'open' | 'resolved' | 'all';

/** Threads with a new-thread form on top, filtered by state, person and (where one is open) file. */
export function ThreadsPanel({ component, threads, person, draft, path, focus = null, badges, onDraftDone, onChanged, onOpen, onClose }: ThreadsPanelProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [who, setWho] = useState<string>('');
  const [thisFile, setThisFile] = useState(true);
  const cards = useRef(new Map<string, HTMLElement>());
  const people = useMemo(() => [...new Set(threads.flatMap((th) => th.comments.map((c) => c.author)))].sort(), [threads]);
  const shown = threads.filter(
    (th) =>
      (status === 'all' || th.status === status) &&
      (who === '' || th.comments.some((c) => c.author === who)) &&
      (path === undefined || !thisFile || (th.placement.path ?? th.anchor.path) === path),
  );
  const focusShown = focus !== null && shown.some((th) => th.id === focus.id);

  useEffect(() => {
    if (!focus || focusShown) return;
    // The thread asked for is filtered out: show every thread rather than hide it.
    setStatus('all');
    setWho('');
    setThisFile(false);
  }, [focus, focusShown]);
  useEffect(() => {
    if (focus && focusShown) cards.current.get(focus.id)?.scrollIntoView({ block: 'nearest' });
  }, [focus, focusShown]);

  return (
    <aside className="side-panel threads-panel" data-testid="threads-panel">
      <header className="card-header">
        <h3>{t('thread.title')}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('common.dismiss')}
        </button>
      </header>
      {draft ? <NewThreadForm key={`${draft.commit}:${draft.path}`} component={component} {...draft} onDone={() => (onDraftDone(), onChanged())} /> : null}
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
        {path !== undefined ? (
          <label>
            <input type="checkbox" checked={thisFile} onChange={(e) => setThisFile(e.target.checked)} /> {t('thread.thisFile')}
          </label>
        ) : null}
      </div>
      {shown.length === 0 ? <div className="muted padded">{t('thread.none')}</div> : null}
      {shown.map((th) => (
        <ThreadCard
          key={th.id}
          ref={(element) => {
            if (element) cards.current.set(th.id, element);
            else cards.current.delete(th.id);
          }}
          thread={th}
          person={person}
          focused={focus?.id === th.id}
          badges={badges?.(th)}
          onChanged={onChanged}
          onOpen={onOpen}
        />
      ))}
    </aside>
  );
}
