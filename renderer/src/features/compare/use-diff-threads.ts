import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FileChange } from '../../../../shared/contract/history.js';
import type { Thread } from '../../../../shared/contract/review.js';
import { useCall } from '../../app/use-call.js';
import type { LineRange } from '../../editor/line-annotations.js';
import { placedIn, threadAt, threadMarks, threadZones, type PlacedThread } from '../review/thread-marks.js';
import type { ThreadDraft, ThreadFocus } from '../review/ThreadsPanel.js';

/** Left: the older release's file; right: the newer release's. */
export type DiffSide = 'left' | 'right';

/** A side's file: the release (commit) and its path there. */
export interface SideFile {
  commit: string;
  path: string;
}

/** The files a change compares: none on the left for an added file, none on the right for a deleted one. */
export function sideFiles(change: FileChange, fromCommit: string, toCommit: string): Record<DiffSide, SideFile | null> {
  return {
    left: change.status === 'added' ? null : { commit: fromCommit, path: change.oldPath ?? change.path },
    right: change.status === 'deleted' ? null : { commit: toCommit, path: change.path },
  };
}

/** One side's threads: those the core places in this release's file get gutter marks and a line under them. */
function useSideThreads(component: string, file: SideFile | null, onOpen: (thread: Thread) => void) {
  const list = useCall('thread.list', file ? { component, ref: file.commit, path: file.path } : null);
  const path = file?.path ?? null;
  const placed = useMemo(() => (list.data && path ? placedIn(list.data.threads, path) : []), [list.data, path]);
  const marks = useMemo(() => threadMarks(placed), [placed]);
  const zones = useMemo(() => threadZones(placed, onOpen), [placed, onOpen]);
  return { threads: list.data?.threads ?? [], placed, marks, zones, reload: list.reload, error: list.error };
}

/**
 * The threads around a file diff: each side's threads (for its release and file), lines selected on either
 * side to start a thread there, and one card per thread, brought into view from its gutter mark.
 */
export function useDiffThreads(component: string, left: SideFile | null, right: SideFile | null) {
  const [selection, setSelection] = useState<{ side: DiffSide; lines: LineRange } | null>(null);
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [focus, setFocus] = useState<ThreadFocus | null>(null);
  const [reveal, setReveal] = useState<{ side: DiffSide; lines: LineRange } | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const focusThread = useCallback((thread: Thread) => {
    setFocus({ id: thread.id, nonce: Date.now() });
    setPanelOpen(true);
  }, []);
  const sides = { left: useSideThreads(component, left, focusThread), right: useSideThreads(component, right, focusThread) };

  const fileKey = `${left?.commit}:${left?.path}>${right?.commit}:${right?.path}`;
  useEffect(() => {
    setSelection(null);
    setDraft(null);
    setReveal(null);
  }, [fileKey]);

  // A thread that sits on both sides (it follows its code into the newer release) gets one card.
  const threads = useMemo(() => {
    const byId = new Map<string, Thread>();
    for (const th of [...sides.right.placed, ...sides.left.placed, ...sides.right.threads, ...sides.left.threads]) if (!byId.has(th.id)) byId.set(th.id, th);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [sides.left.placed, sides.left.threads, sides.right.placed, sides.right.threads]);

  const fileOf = (side: DiffSide) => (side === 'left' ? left : right);
  return {
    sides,
    threads,
    /** Where a thread sits on each side, for its card. */
    placements(thread: Thread): Partial<Record<DiffSide, PlacedThread>> {
      return { left: sides.left.placed.find((th) => th.id === thread.id), right: sides.right.placed.find((th) => th.id === thread.id) };
    },
    selection,
    select(side: DiffSide, lines: LineRange | null) {
      setSelection(lines ? { side, lines } : null);
    },
    draft,
    startDraft() {
      const file = selection ? fileOf(selection.side) : null;
      if (!selection || !file) return;
      setDraft({ commit: file.commit, path: file.path, startLine: selection.lines.start, endLine: selection.lines.end });
      setPanelOpen(true);
    },
    clearDraft: () => setDraft(null),
    focus,
    focusAt(side: DiffSide, line: number) {
      const thread = threadAt(sides[side].placed, line);
      if (thread) focusThread(thread);
    },
    reveal,
    revealOn(side: DiffSide, thread: PlacedThread) {
      setReveal({ side, lines: { start: thread.placement.startLine, end: thread.placement.endLine } });
    },
    panelOpen,
    setPanelOpen,
    reload() {
      sides.left.reload();
      sides.right.reload();
    },
    error: sides.left.error ?? sides.right.error,
  };
}

export type DiffThreads = ReturnType<typeof useDiffThreads>;
