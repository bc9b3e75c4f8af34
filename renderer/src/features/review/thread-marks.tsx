import type { Thread } from '../../../../shared/contract/review.js';
import type { LineMark, LineZone } from '../../editor/line-annotations.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** A thread placed on lines of a file of the release shown (outdated threads have no lines to sit on). */
export type PlacedThread = Thread & { placement: { path: string; startLine: number; endLine: number } };

export function placedIn(threads: readonly Thread[], path: string): PlacedThread[] {
  return threads.filter((th): th is PlacedThread => th.placement.path === path && th.placement.startLine !== null && th.placement.endLine !== null);
}

/** The gutter marks of threads: who opened each and its first words on hover. */
export function threadMarks(threads: readonly PlacedThread[]): LineMark[] {
  return threads.map((th) => ({
    startLine: th.placement.startLine,
    endLine: th.placement.endLine,
    kind: 'thread',
    hover: `${th.comments[0]?.author ?? ''}: ${th.comments[0]?.body ?? ''}`,
  }));
}

/** A line under each open thread's lines that opens it. */
export function threadZones(threads: readonly PlacedThread[], onOpen: (thread: Thread) => void): LineZone[] {
  return threads
    .filter((th) => th.status === 'open')
    .map((th) => ({ id: th.id, afterLine: th.placement.endLine, heightPx: 26, content: <ThreadZone thread={th} onOpen={() => onOpen(th)} /> }));
}

/** The thread whose lines hold this line (a click on its gutter mark), open ones first. */
export function threadAt(threads: readonly PlacedThread[], line: number): PlacedThread | undefined {
  const here = threads.filter((th) => th.placement.startLine <= line && line <= th.placement.endLine);
  return here.find((th) => th.status === 'open') ?? here[0];
}

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
