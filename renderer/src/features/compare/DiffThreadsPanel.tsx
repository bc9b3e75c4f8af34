import { useCall } from '../../app/use-call.js';
import { ThreadsPanel } from '../review/ThreadsPanel.js';
import { ThreadSides } from './ThreadSides.js';
import type { DiffThreads } from './use-diff-threads.js';

/** The threads of both files of a diff, one card each, with the lines each sits on per side. */
export function DiffThreadsPanel({ component, review }: { component: string; review: DiffThreads }) {
  const person = useCall('app.info', {}).data?.person ?? null;
  return (
    <ThreadsPanel
      component={component}
      threads={review.threads}
      person={person}
      draft={review.draft}
      focus={review.focus}
      badges={(thread) => <ThreadSides placements={review.placements(thread)} onReveal={review.revealOn} />}
      onDraftDone={review.clearDraft}
      onChanged={review.reload}
      onOpen={(thread) => {
        const placed = review.placements(thread);
        if (placed.right) review.revealOn('right', placed.right);
        else if (placed.left) review.revealOn('left', placed.left);
      }}
      onClose={() => review.setPanelOpen(false)}
    />
  );
}
