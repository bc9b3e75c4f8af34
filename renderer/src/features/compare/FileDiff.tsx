import type { FileChange } from '../../../../shared/contract/history.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { DiffViewer } from '../../editor/lazy-editors.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { DiffSide, DiffThreads } from './use-diff-threads.js';

interface FileDiffProps {
  component: string;
  from: string;
  to: string;
  change: FileChange;
  sideBySide: boolean;
  /** The threads of both releases' files: gutter marks and lines under them on each side. */
  review: DiffThreads;
}

/** One changed file in Monaco's diff editor, with the threads of each side's release on that side. */
export function FileDiff({ component, from, to, change, sideBySide, review }: FileDiffProps) {
  const { t } = useI18n();
  const sides = useCall('diff.file', { component, from, to, path: change.path, ...(change.oldPath ? { oldPath: change.oldPath } : {}) });
  if (sides.error) return <ErrorNotice error={sides.error} />;
  if (!sides.data) return <div className="placeholder muted">{t('common.loading')}</div>;
  const { old: before, new: after } = sides.data;
  if (before?.kind === 'binary' || after?.kind === 'binary') return <div className="placeholder">{t('compare.binaryChange', { before: before?.size ?? 0, after: after?.size ?? 0 })}</div>;
  const annotations = (side: DiffSide) => ({
    marks: review.sides[side].marks,
    zones: review.sides[side].zones,
    reveal: review.reveal?.side === side ? review.reveal.lines : null,
    onSelectLines: (lines: { start: number; end: number } | null) => review.select(side, lines),
    onGlyphClick: (line: number) => review.focusAt(side, line),
  });
  return (
    <div className="file-diff">
      <DiffTools review={review} sideBySide={sideBySide} />
      {review.error ? <ErrorNotice error={review.error} /> : null}
      <DiffViewer
        original={before?.text ?? ''}
        modified={after?.text ?? ''}
        language={after?.language ?? before?.language ?? 'plaintext'}
        documentKey={`${from}:${to}:${change.path}`}
        sideBySide={sideBySide}
        left={annotations('left')}
        right={annotations('right')}
      />
    </div>
  );
}

/** Above the diff: the threads panel switch and a new thread on the lines selected on either side. */
function DiffTools({ review, sideBySide }: { review: DiffThreads; sideBySide: boolean }) {
  const { t } = useI18n();
  const { selection } = review;
  const open = review.threads.filter((th) => th.status === 'open').length;
  return (
    <div className="diff-tools" data-testid="diff-tools">
      <button type="button" aria-pressed={review.panelOpen} className={review.panelOpen ? 'active' : ''} onClick={() => review.setPanelOpen(!review.panelOpen)} data-testid="toggle-threads">
        {t('thread.button', { count: open })}
      </button>
      <button type="button" disabled={!selection} title={selection ? undefined : t('compareThreads.selectFirst')} onClick={review.startDraft} data-testid="comment-lines">
        {selection ? t(selection.side === 'left' ? 'compareThreads.commentLeft' : 'compareThreads.commentRight', { start: selection.lines.start, end: selection.lines.end }) : t('thread.comment')}
      </button>
      {!sideBySide && review.sides.left.placed.length > 0 ? <span className="muted small">{t('compareThreads.inlineHint')}</span> : null}
    </div>
  );
}
