import { useI18n } from '../../i18n/i18n-context.js';
import type { PlacedThread } from '../review/thread-marks.js';
import type { DiffSide } from './use-diff-threads.js';

interface ThreadSidesProps {
  placements: Partial<Record<DiffSide, PlacedThread>>;
  onReveal(side: DiffSide, thread: PlacedThread): void;
}

/** On a thread's card in the diff: the lines it sits on in the older and the newer release, each a link to them. */
export function ThreadSides({ placements, onReveal }: ThreadSidesProps) {
  const { t } = useI18n();
  return (['left', 'right'] as const).map((side) => {
    const placed = placements[side];
    if (!placed) return null;
    const lines = { start: placed.placement.startLine, end: placed.placement.endLine };
    return (
      <button key={side} type="button" className="pill side-pill" onClick={() => onReveal(side, placed)} data-testid={`thread-side-${side}`}>
        {t(side === 'left' ? 'compareThreads.onLeft' : 'compareThreads.onRight', lines)}
      </button>
    );
  });
}
