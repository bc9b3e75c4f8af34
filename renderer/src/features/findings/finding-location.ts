import type { Finding } from '../../../../shared/contract/findings.js';
import type { Place } from '../../app/navigation.js';

export type LocationTarget = Partial<Place> & { path: string; startLine: number; endLine: number };

/**
 * Where to open a finding's location: its lines in the release being read when they are there, else the
 * lines as anchored, in the commit they were anchored in (so what is shown is what was flagged).
 */
export function findingTarget(location: Finding['locations'][number]): LocationTarget {
  const { anchor, placement } = location;
  if (placement && placement.status !== 'outdated' && placement.path !== null && placement.startLine !== null && placement.endLine !== null) {
    return { path: placement.path, startLine: placement.startLine, endLine: placement.endLine };
  }
  return { ref: anchor.commit, path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine };
}

export function lineLabel(target: { startLine: number; endLine: number }): string {
  return target.startLine === target.endLine ? String(target.startLine) : `${target.startLine}-${target.endLine}`;
}
