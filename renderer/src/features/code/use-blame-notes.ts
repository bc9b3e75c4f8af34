import { useMemo } from 'react';
import type { LineNote } from '../../editor/CodeViewer.js';
import { useCall } from '../../app/use-call.js';

/** Blame as a column before the code: short id, author and date at the first line of each run from one commit. */
export function useBlameNotes(enabled: boolean, component: string, commit: string, path: string): { notes: LineNote[]; loading: boolean; error: ReturnType<typeof useCall<'blame.file'>>['error'] } {
  const blame = useCall('blame.file', enabled ? { component, ref: commit, path } : null);
  const notes = useMemo(() => {
    if (!enabled || !blame.data) return [];
    const { ranges, commits } = blame.data;
    const width = Math.max(0, ...Object.values(commits).map((c) => [...c.author].length));
    const authorWidth = Math.min(width, 18);
    // Every line gets a note of the same width, so the code stays aligned; only a run's first line is labelled.
    const blank = ' '.repeat(8 + 1 + authorWidth + 1 + 10);
    return ranges.flatMap((range) => {
      const info = commits[range.commit];
      const author = [...(info?.author ?? '?')].slice(0, authorWidth).join('').padEnd(authorWidth);
      const date = (info?.authorTime.slice(0, 10) ?? '').padEnd(10);
      const hover = `${range.commit}\n${info?.author ?? ''} <${info?.authorEmail ?? ''}>, ${info?.authorTime ?? ''}\n\n${info?.summary ?? ''}${range.originalPath !== path ? `\n(${range.originalPath})` : ''}`;
      return Array.from({ length: range.count }, (_, i) => ({ line: range.start + i, text: i === 0 ? `${range.commit.slice(0, 8)} ${author} ${date}` : blank, hover }));
    });
  }, [enabled, blame.data, path]);
  return { notes, loading: blame.loading, error: blame.error };
}
