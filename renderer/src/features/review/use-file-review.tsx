import { useCallback, useMemo, useRef, useState } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import type { Navigator } from '../../app/navigation.js';
import { toWire, useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { LineMark } from '../../editor/line-annotations.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { placedIn, threadAt, threadMarks, threadZones } from './thread-marks.js';
import type { ThreadFocus } from './ThreadsPanel.js';

/**
 * The review around one open file: the release's threads (this file's shown in the gutter and under their
 * lines), its findings in the gutter, and marking the file or the selected lines reviewed.
 */
export function useFileReview(component: string, commit: string, path: string, navigator: Navigator, openPanel: () => void) {
  const info = useCall('app.info', {});
  const threads = useCall('thread.list', { component, ref: commit });
  const findings = useCall('finding.list', { component, ref: commit });
  const [draft, setDraft] = useState<{ startLine: number; endLine: number } | null>(null);
  const [focus, setFocus] = useState<ThreadFocus | null>(null);
  const all = threads.data?.threads ?? [];
  const here = useMemo(() => placedIn(all, path), [all, path]);

  const marks = useMemo<LineMark[]>(() => {
    const list = threadMarks(here);
    for (const f of findings.data?.findings ?? []) {
      for (const l of f.locations) {
        if (l.placement?.path === path && l.placement.startLine !== null) {
          list.push({ startLine: l.placement.startLine, endLine: l.placement.endLine!, kind: 'finding', hover: `F-${f.number} [${f.severity}] ${f.title}` });
        }
      }
    }
    return list;
  }, [here, findings.data, path]);

  const opener = useRef(openPanel);
  opener.current = openPanel;
  const focusThread = useCallback((thread: Thread) => {
    setFocus({ id: thread.id, nonce: Date.now() });
    opener.current();
  }, []);
  const zones = useMemo(() => threadZones(here, focusThread), [here, focusThread]);

  const { place } = navigator;
  const selection = place.path === path && place.startLine !== null ? { startLine: place.startLine, endLine: place.endLine ?? place.startLine } : null;
  return {
    person: info.data?.person ?? null,
    threads: all,
    fileThreadCount: here.filter((th) => th.status === 'open').length,
    marks,
    zones,
    draft,
    setDraft,
    focus,
    /** A click on the gutter at this line: the thread there, if any, is brought into view in the panel. */
    focusAt(line: number) {
      const thread = threadAt(here, line);
      if (thread) focusThread(thread);
    },
    selection,
    component,
    commit,
    path,
    reload: () => {
      threads.reload();
      findings.reload();
    },
    error: threads.error ?? findings.error,
  };
}

export type FileReview = ReturnType<typeof useFileReview>;

/** The review buttons of the file header: threads, comment on the selection, mark reviewed. */
interface ReviewToolsProps {
  review: FileReview;
  /** The criterion marks are made against (chosen beside the tree). */
  criterion: string;
  panelOpen: boolean;
  onTogglePanel(): void;
  onReviewed(): void;
  onAddFinding(): void;
}

export function ReviewTools({ review, criterion, panelOpen, onTogglePanel, onReviewed, onAddFinding }: ReviewToolsProps) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<WireError | null>(null);
  const [marked, setMarked] = useState<string | null>(null);
  const mark = async (lines: { startLine: number; endLine: number } | null) => {
    setError(null);
    try {
      await api.call('review.mark', { component: review.component, ref: review.commit, paths: [review.path], criterion, ...(lines ?? {}) });
      setMarked(lines ? t('criterion.markedLines', { start: lines.startLine, end: lines.endLine, criterion }) : t('criterion.markedFile', { criterion }));
      onReviewed();
    } catch (e) {
      setError(toWire(e));
    }
  };
  return (
    <>
      <button type="button" aria-pressed={panelOpen} className={panelOpen ? 'active' : ''} onClick={onTogglePanel} data-testid="toggle-threads">
        {t('thread.button', { count: review.fileThreadCount })}
      </button>
      <button
        type="button"
        disabled={!review.selection}
        title={review.selection ? undefined : t('thread.selectLinesFirst')}
        onClick={() => {
          review.setDraft(review.selection);
          if (!panelOpen) onTogglePanel();
        }}
        data-testid="comment-lines"
      >
        {review.selection ? t('thread.commentOn', { start: review.selection.startLine, end: review.selection.endLine }) : t('thread.comment')}
      </button>
      <button type="button" onClick={onAddFinding} data-testid="add-finding-lines">
        {t('review.addFinding')}
      </button>
      <button type="button" onClick={() => void mark(null)} title={t('criterion.markHint', { criterion })} data-testid="mark-file-reviewed">
        {t('review.markFile')}
      </button>
      {review.selection && review.selection.endLine > review.selection.startLine ? (
        <button type="button" onClick={() => void mark(review.selection)} title={t('criterion.markHint', { criterion })} data-testid="mark-lines-reviewed">
          {t('review.markLines')}
        </button>
      ) : null}
      {marked ? <span className="ok-text small" data-testid="review-marked">{marked}</span> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
