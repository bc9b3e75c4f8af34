import { useMemo, useState } from 'react';
import type { Thread } from '../../../../shared/contract/review.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import type { Navigator } from '../../app/navigation.js';
import { toWire, useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { LineMark, LineZone } from '../../editor/CodeViewer.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * The review around one open file: the release's threads (this file's shown in the gutter and under their
 * lines), its findings in the gutter, and marking the file or the selected lines reviewed.
 */
export function useFileReview(component: string, commit: string, path: string, navigator: Navigator, openPanel: () => void) {
  const info = useCall('app.info', {});
  const threads = useCall('thread.list', { component, ref: commit });
  const findings = useCall('finding.list', { component, ref: commit });
  const [draft, setDraft] = useState<{ startLine: number; endLine: number } | null>(null);
  const all = threads.data?.threads ?? [];
  const here = useMemo(() => all.filter((th) => th.placement.path === path && th.placement.startLine !== null), [all, path]);

  const marks = useMemo<LineMark[]>(() => {
    const list: LineMark[] = here.map((th) => ({
      startLine: th.placement.startLine!,
      endLine: th.placement.endLine!,
      kind: 'thread',
      hover: `${th.comments[0]?.author ?? ''}: ${th.comments[0]?.body ?? ''}`,
    }));
    for (const f of findings.data?.findings ?? []) {
      for (const l of f.locations) {
        if (l.placement?.path === path && l.placement.startLine !== null) {
          list.push({ startLine: l.placement.startLine, endLine: l.placement.endLine!, kind: 'finding', hover: `F-${f.number} [${f.severity}] ${f.title}` });
        }
      }
    }
    return list;
  }, [here, findings.data, path]);

  const zones = useMemo<LineZone[]>(
    () =>
      here
        .filter((th) => th.status === 'open')
        .map((th) => ({
          id: th.id,
          afterLine: th.placement.endLine!,
          heightPx: 26,
          content: <ThreadZone thread={th} onOpen={openPanel} />,
        })),
    [here, openPanel],
  );

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

/** The line under a thread's lines in the editor: who opened it, its first words, how many replies. */
function ThreadZone({ thread, onOpen }: { thread: Thread; onOpen(): void }) {
  const { t } = useI18n();
  const first = thread.comments[0];
  return (
    <button type="button" className="thread-zone" onClick={onOpen} data-testid="thread-zone">
      <span className="thread-zone-icon" aria-hidden="true">
        ●
      </span>
      <strong>{first?.author}</strong> {(first?.body ?? '').split('\n')[0]}
      {thread.comments.length > 1 ? <span className="muted"> · {t('thread.replies', { count: thread.comments.length - 1 })}</span> : null}
    </button>
  );
}

/** The review buttons of the file header: threads, comment on the selection, mark reviewed. */
interface ReviewToolsProps {
  review: FileReview;
  panelOpen: boolean;
  onTogglePanel(): void;
  onReviewed(): void;
  onAddFinding(): void;
}

export function ReviewTools({ review, panelOpen, onTogglePanel, onReviewed, onAddFinding }: ReviewToolsProps) {
  const api = useApi();
  const { t } = useI18n();
  const [error, setError] = useState<WireError | null>(null);
  const [marked, setMarked] = useState<string | null>(null);
  const mark = async (lines: { startLine: number; endLine: number } | null) => {
    setError(null);
    try {
      await api.call('review.mark', { component: review.component, ref: review.commit, paths: [review.path], ...(lines ?? {}) });
      setMarked(lines ? t('review.markedLines', { start: lines.startLine, end: lines.endLine }) : t('review.markedFile'));
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
      <button type="button" onClick={() => void mark(null)} data-testid="mark-file-reviewed">
        {t('review.markFile')}
      </button>
      {review.selection && review.selection.endLine > review.selection.startLine ? (
        <button type="button" onClick={() => void mark(review.selection)} data-testid="mark-lines-reviewed">
          {t('review.markLines')}
        </button>
      ) : null}
      {marked ? <span className="ok-text small" data-testid="review-marked">{marked}</span> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
