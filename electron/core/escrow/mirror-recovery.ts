import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { listRefs, readSymbolicHead, type RefRecord } from '../../git/for-each-ref.js';
import { removeStaleRefLocks } from '../../git/ref-locks.js';
import { applyRefTransaction, type RefUpdate } from '../../git/update-ref.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentRow } from './component-store.js';
import { alarmsForPlan, type RefChange } from './ref-plan.js';
import { completeSync, countUnchanged, finishSync, loadPlan, pendingSyncs } from './sync-store.js';

/** A first sync clones into this sibling folder and renames it into place once its plan is recorded. */
export function tempMirrorPath(gitDir: string, syncId: number): string {
  return `${gitDir}.sync-${syncId}`;
}

/** All refs of a mirror, or null when there is no mirror repository yet. */
export async function mirrorRefs(gitDir: string): Promise<RefRecord[] | null> {
  const exists = await fs.stat(path.join(gitDir, 'HEAD')).then(() => true, () => false);
  return exists ? listRefs(gitDir) : null;
}

/**
 * Finish what a killed sync left. One that died while 'running' moved no live ref: it is marked
 * interrupted. One that died while 'applying' had recorded its plan first: its first-copy folder is
 * renamed into place if that had not happened, the rest of its ref transaction is rolled forward and the
 * sync completed, so no alarm is ever lost. A ref in neither its before nor its after state is reported,
 * not guessed at. Leftover first-copy folders are removed at the end.
 */
export async function recoverInterruptedSyncs(workspace: Workspace, row: ComponentRow, gitDir: string): Promise<void> {
  const db = workspace.db;
  const pending = await pendingSyncs(db.read, row.id);
  for (const sync of pending) {
    if (sync.status === 'running') {
      const note = new AppError('CANCELLED', 'error.sync.interrupted', { component: row.name });
      await db.transaction((tx) => finishSync(tx, sync.id, 'interrupted', note.toWire()));
      continue;
    }
    try {
      await placeFirstCopy(gitDir, tempMirrorPath(gitDir, sync.id));
      const changes = await loadPlan(db.read, sync.id);
      const live = new Map(((await mirrorRefs(gitDir)) ?? []).map((r) => [r.refname, r]));
      const remaining = remainingUpdates(changes, live);
      if (remaining === null) throw new AppError('INTEGRITY', 'error.sync.recoveryConflict', { component: row.name, sync: sync.id });
      await removeStaleRefLocks(gitDir);
      await applyRefTransaction(gitDir, remaining, `escrow-workbench sync ${sync.id} (recovered)`);
      const unchanged = await countUnchanged(db.read, row.id, changes);
      const headRef = await readSymbolicHead(gitDir);
      const alarms = alarmsForPlan({ changes, unchanged, snapshot: new Map() });
      await db.transaction((tx) => completeSync(tx, row.id, sync.id, changes, unchanged, alarms, headRef));
    } catch (error) {
      const problem = error instanceof AppError ? error : new AppError('INTEGRITY', 'error.sync.recoveryFailed', { component: row.name, sync: sync.id, detail: error instanceof Error ? error.message : String(error) });
      await db.transaction((tx) => finishSync(tx, sync.id, 'interrupted', problem.toWire()));
    }
  }
  await removeTempMirrors(gitDir);
}

/** A first copy that was recorded but not yet renamed into place (the mirror still has no refs). */
async function placeFirstCopy(gitDir: string, temp: string): Promise<void> {
  if (!(await fs.stat(temp).then(() => true, () => false))) return;
  const refs = await mirrorRefs(gitDir);
  if (refs !== null && refs.length > 0) return;
  await fs.rm(gitDir, { recursive: true, force: true });
  await fs.rename(temp, gitDir);
}

async function removeTempMirrors(gitDir: string): Promise<void> {
  const dir = path.dirname(gitDir);
  const prefix = `${path.basename(gitDir)}.sync-`;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e.startsWith(prefix)).map((e) => fs.rm(path.join(dir, e), { recursive: true, force: true })));
}

/** What is still to do of a recorded plan, given the mirror's refs now; null when a ref is in neither state. */
function remainingUpdates(changes: readonly RefChange[], live: ReadonlyMap<string, RefRecord>): RefUpdate[] | null {
  const updates: RefUpdate[] = [];
  for (const c of changes) {
    const current = live.get(c.refname)?.target ?? null;
    if (current !== c.newTarget) {
      if (current !== c.oldTarget) return null;
      if (c.kind === 'added') updates.push({ kind: 'create', refname: c.refname, newTarget: c.newTarget! });
      else if (c.kind === 'deleted') updates.push({ kind: 'delete', refname: c.refname, oldTarget: c.oldTarget! });
      else updates.push({ kind: 'update', refname: c.refname, newTarget: c.newTarget!, oldTarget: c.oldTarget! });
    }
    if (c.preservedRef && !live.has(c.preservedRef)) updates.push({ kind: 'create', refname: c.preservedRef, newTarget: c.oldTarget! });
  }
  return updates;
}
