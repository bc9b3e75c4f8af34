import type { IntegrityAlarm } from '../../../shared/contract/components.js';
import type { RefRecord } from '../../git/for-each-ref.js';
import type { RefUpdate } from '../../git/update-ref.js';

export const ESCROW_NAMESPACE = 'refs/escrow/';
export const INCOMING_PREFIX = 'refs/escrow/incoming/';
export const PRESERVED_PREFIX = 'refs/escrow/preserved/';

export type RefChangeKind = 'added' | 'updated' | 'forced' | 'deleted';

export interface RefChange {
  refname: string;
  kind: RefChangeKind;
  oldTarget: string | null;
  newTarget: string | null;
  newPeeled: string | null;
  /** Where the old target is kept for forced and deleted refs. */
  preservedRef: string | null;
}

export interface RefPlan {
  changes: RefChange[];
  unchanged: number;
  /** The ref set after the sync: refname → [target, peeled]. */
  snapshot: Map<string, { target: string; peeled: string | null }>;
}

/** `refs/heads/x` is fetched as `refs/escrow/incoming/heads/x` (the refspec maps what follows `refs/`). */
export function liveRefName(stagingRefName: string): string {
  return `refs/${stagingRefName.slice(INCOMING_PREFIX.length)}`;
}

/** The commit a ref finally names (peeled tag or the target itself). */
function commitOf(ref: RefRecord): string {
  return ref.peeled ?? ref.target;
}

/**
 * Compare the mirror's live refs with the remote: `incoming` holds what was just fetched into the staging
 * namespace (only refs the remote advertised differently), `remoteNames` every ref the remote still has.
 * A tag that points elsewhere is always "forced": tags are promises not to move.
 */
export async function planRefChanges(
  live: readonly RefRecord[],
  incoming: readonly RefRecord[],
  remoteNames: ReadonlySet<string>,
  syncId: number,
  isFastForward: (oldCommit: string, newCommit: string) => Promise<boolean>,
): Promise<RefPlan> {
  const liveByName = new Map(live.map((r) => [r.refname, r]));
  const incomingNames = new Set(incoming.map((r) => liveRefName(r.refname)));
  const changes: RefChange[] = [];
  const snapshot = new Map<string, { target: string; peeled: string | null }>();
  let unchanged = 0;

  for (const old of live) {
    if (incomingNames.has(old.refname)) continue;
    if (remoteNames.has(old.refname)) {
      unchanged++;
      snapshot.set(old.refname, { target: old.target, peeled: old.peeled });
    } else {
      changes.push({ refname: old.refname, kind: 'deleted', oldTarget: old.target, newTarget: null, newPeeled: null, preservedRef: preservedRefName(syncId, old.refname) });
    }
  }
  for (const staged of incoming) {
    const refname = liveRefName(staged.refname);
    snapshot.set(refname, { target: staged.target, peeled: staged.peeled });
    const old = liveByName.get(refname);
    if (!old) {
      changes.push({ refname, kind: 'added', oldTarget: null, newTarget: staged.target, newPeeled: staged.peeled, preservedRef: null });
      continue;
    }
    if (old.target === staged.target) {
      unchanged++;
      continue;
    }
    const fastForward =
      !refname.startsWith('refs/tags/') &&
      old.objectType === 'commit' &&
      staged.objectType === 'commit' &&
      (await isFastForward(commitOf(old), commitOf(staged)));
    changes.push({
      refname,
      kind: fastForward ? 'updated' : 'forced',
      oldTarget: old.target,
      newTarget: staged.target,
      newPeeled: staged.peeled,
      preservedRef: fastForward ? null : preservedRefName(syncId, refname),
    });
  }
  changes.sort((a, b) => (a.refname < b.refname ? -1 : a.refname > b.refname ? 1 : 0));
  return { changes, unchanged, snapshot };
}

/** The first sync: every ref of the fresh copy is new. */
export function planInitial(refs: readonly RefRecord[]): RefPlan {
  return {
    changes: refs.map((r) => ({ refname: r.refname, kind: 'added' as const, oldTarget: null, newTarget: r.target, newPeeled: r.peeled, preservedRef: null })),
    unchanged: 0,
    snapshot: new Map(refs.map((r) => [r.refname, { target: r.target, peeled: r.peeled }])),
  };
}

/** The refspec that fetches a remote ref into the staging namespace. */
export function stagingRefspec(refname: string): string {
  return `+${refname}:${INCOMING_PREFIX}${refname.slice('refs/'.length)}`;
}

export function preservedRefName(syncId: number, refname: string): string {
  return `${PRESERVED_PREFIX}${syncId}/${refname}`;
}

/** The one ref transaction that makes a plan real: move live refs, keep old targets, drop staging refs. */
export function refUpdatesForPlan(plan: RefPlan, incoming: readonly RefRecord[]): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const change of plan.changes) {
    if (change.kind === 'added') updates.push({ kind: 'create', refname: change.refname, newTarget: change.newTarget! });
    else if (change.kind === 'deleted') updates.push({ kind: 'delete', refname: change.refname, oldTarget: change.oldTarget! });
    else updates.push({ kind: 'update', refname: change.refname, newTarget: change.newTarget!, oldTarget: change.oldTarget! });
    if (change.preservedRef) updates.push({ kind: 'create', refname: change.preservedRef, newTarget: change.oldTarget! });
  }
  for (const staged of incoming) updates.push({ kind: 'delete', refname: staged.refname, oldTarget: staged.target });
  return updates;
}

export function alarmsForPlan(plan: RefPlan): IntegrityAlarm[] {
  return plan.changes
    .filter((c) => c.kind === 'forced' || c.kind === 'deleted')
    .map((c) => ({
      refname: c.refname,
      kind: c.kind as 'forced' | 'deleted',
      severity: c.refname.startsWith('refs/tags/') ? ('high' as const) : ('medium' as const),
      oldTarget: c.oldTarget!,
      newTarget: c.newTarget,
      preservedRef: c.preservedRef!,
    }));
}

/** SHA-256 input of a snapshot: `<refname> NUL <target> LF`, sorted by ref name as bytes. */
export function snapshotLines(snapshot: ReadonlyMap<string, { target: string }>): string {
  return [...snapshot.entries()]
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([refname, { target }]) => `${refname}\u0000${target}\n`)
    .join('');
}
