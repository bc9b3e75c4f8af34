import { promises as fs } from 'node:fs';
import type { ComponentSyncResult } from '../../../shared/contract/components.js';
import { AppError } from '../../../shared/errors.js';
import { fetchIntoMirror, type FetchProgress } from '../../git/fetch.js';
import { listRefs, readSymbolicHead, writeSymbolicHead, type RefRecord } from '../../git/for-each-ref.js';
import { probeRemote } from '../../git/ls-remote.js';
import { isAncestor } from '../../git/merge-base.js';
import { removeStaleRefLocks } from '../../git/ref-locks.js';
import { initBareMirror } from '../../git/repository-setup.js';
import { applyRefTransaction, type RefUpdate } from '../../git/update-ref.js';
import { gitFailureToAppError } from '../git-failure.js';
import { mapWithLimit } from '../concurrency.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentRow } from './component-store.js';
import type { ComponentService } from './component-service.js';
import { alarmsForPlan, ESCROW_NAMESPACE, INCOMING_PREFIX, planRefChanges, refUpdatesForPlan, type RefChange } from './ref-plan.js';
import { completeSync, finishSync, loadPlan, pendingSyncs, recordPlan, startSync, countUnchanged } from './sync-store.js';

export interface SyncProgress extends FetchProgress {
  component: string;
}

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  concurrency?: number;
}

const FETCH_REFSPECS = [`+refs/*:${INCOMING_PREFIX}*`, `^${ESCROW_NAMESPACE}*`];
const EMPTY_COUNTS = { added: 0, updated: 0, forced: 0, deleted: 0, unchanged: 0 };

/**
 * Mirrors vendor repositories. Every sync fetches into a staging namespace, records its plan, then moves
 * all live refs in one transaction; forced and deleted refs keep their old target under
 * refs/escrow/preserved/ and raise an integrity alarm. A sync killed at any point is finished or rolled
 * back by the next one.
 */
export class SyncService {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
  ) {}

  async syncComponents(names: readonly string[] | undefined, options: SyncOptions = {}): Promise<ComponentSyncResult[]> {
    const rows = names && names.length > 0 ? await Promise.all([...new Set(names)].map((n) => this.components.require(n))) : await this.components.rows();
    return mapWithLimit(rows, options.concurrency ?? 3, (row) => this.syncComponent(row, options));
  }

  async syncComponent(row: ComponentRow, options: SyncOptions = {}): Promise<ComponentSyncResult> {
    if (this.inFlight.has(row.id)) {
      return failedResult(row.name, null, new AppError('CONFLICT', 'error.sync.alreadyRunning', { component: row.name }));
    }
    this.inFlight.add(row.id);
    try {
      return await this.runSync(row, options);
    } finally {
      this.inFlight.delete(row.id);
      this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
    }
  }

  private async runSync(row: ComponentRow, options: SyncOptions): Promise<ComponentSyncResult> {
    const gitDir = this.workspace.paths.mirror(row.id);
    const progress = (p: FetchProgress) => options.onProgress?.({ component: row.name, ...p });
    await this.ensureMirror(gitDir);
    await this.recoverInterrupted(row, gitDir);
    const db = this.workspace.db;
    const syncId = await db.transaction((tx) => startSync(tx, row.id));
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
    let planRecorded = false;
    try {
      await this.clearStaging(gitDir);
      progress({ phase: 'connecting', completed: null, total: null, bytes: null });
      const head = await probeRemote(row.source, { signal: options.signal, patterns: ['HEAD'] });
      await fetchIntoMirror({ gitDir, source: row.source, refspecs: FETCH_REFSPECS, signal: options.signal, onProgress: progress });
      options.signal?.throwIfAborted();

      progress({ phase: 'updating-refs', completed: null, total: null, bytes: null });
      const all = await listRefs(gitDir);
      const incoming = all.filter((r) => r.refname.startsWith(INCOMING_PREFIX));
      const live = all.filter((r) => !r.refname.startsWith(ESCROW_NAMESPACE));
      const plan = await planRefChanges(live, incoming, syncId, (a, b) => isAncestor(gitDir, a, b));
      options.signal?.throwIfAborted();

      // From here on the sync is not cancellable: the plan is recorded, then applied as one transaction.
      await db.transaction((tx) => recordPlan(tx, syncId, plan.changes));
      planRecorded = true;
      await applyRefTransaction(gitDir, refUpdatesForPlan(plan, incoming), `escrow-workbench sync ${syncId}`);
      const headRef = head.symref && plan.snapshot.has(head.symref) ? head.symref : null;
      if (headRef) await writeSymbolicHead(gitDir, headRef);

      progress({ phase: 'recording', completed: null, total: null, bytes: null });
      const alarms = alarmsForPlan(plan);
      await db.transaction((tx) => completeSync(tx, row.id, syncId, plan.changes, plan.unchanged, alarms, headRef));
      return { name: row.name, status: 'ok', syncId, refs: countChanges(plan.changes, plan.unchanged), alarms, error: null };
    } catch (error) {
      const failure = gitFailureToAppError(error, row.name);
      const appError = failure instanceof AppError ? failure : cancelledOr(failure, options.signal);
      const status = appError.code === 'CANCELLED' ? 'cancelled' : 'failed';
      if (planRecorded && !(await this.planUntouched(syncId, gitDir))) {
        // Part of the plan reached the refs: the next sync's recovery rolls it forward from the mirror.
        return failedResult(row.name, syncId, appError, status);
      }
      await db.transaction((tx) => finishSync(tx, syncId, status, appError.toWire()));
      return failedResult(row.name, syncId, appError, status);
    }
  }

  private async planUntouched(syncId: number, gitDir: string): Promise<boolean> {
    const changes = await loadPlan(this.workspace.db.read, syncId);
    const live = new Map((await listRefs(gitDir)).map((r) => [r.refname, r.target]));
    return changes.every((c) => (live.get(c.refname) ?? null) === c.oldTarget && (!c.preservedRef || !live.has(c.preservedRef)));
  }

  private async ensureMirror(gitDir: string): Promise<void> {
    const exists = await fs.stat(`${gitDir}/HEAD`).then(() => true, () => false);
    if (!exists) {
      await fs.rm(gitDir, { recursive: true, force: true });
      await initBareMirror(gitDir);
    }
  }

  /** Delete whatever an earlier, interrupted fetch left in the staging namespace. */
  private async clearStaging(gitDir: string): Promise<void> {
    const staged = await listRefs(gitDir, [INCOMING_PREFIX]);
    await applyRefTransaction(
      gitDir,
      staged.map((r) => ({ kind: 'delete', refname: r.refname, oldTarget: r.target })),
      'escrow-workbench: clear staging',
    );
  }

  /**
   * A sync that died while 'running' changed no live ref: it is marked interrupted. One that died while
   * 'applying' had recorded its plan: if the mirror shows the plan (fully or partly) applied, the rest is
   * rolled forward and the sync completed, so no alarm is ever lost; a ref in a third state is an
   * integrity problem and is reported, not guessed at.
   */
  async recoverInterrupted(row: ComponentRow, gitDir: string): Promise<void> {
    const pending = await pendingSyncs(this.workspace.db.read, row.id);
    if (pending.length === 0) return;
    await removeStaleRefLocks(gitDir);
    for (const sync of pending) {
      if (sync.status === 'running') {
        await this.workspace.db.transaction((tx) =>
          finishSync(tx, sync.id, 'interrupted', new AppError('CANCELLED', 'error.sync.interrupted', { component: row.name }).toWire()),
        );
        continue;
      }
      const changes = await loadPlan(this.workspace.db.read, sync.id);
      const live = new Map((await listRefs(gitDir)).map((r) => [r.refname, r]));
      const remaining = remainingUpdates(changes, live);
      if (remaining === null) {
        const problem = new AppError('INTEGRITY', 'error.sync.recoveryConflict', { component: row.name, sync: sync.id });
        await this.workspace.db.transaction((tx) => finishSync(tx, sync.id, 'interrupted', problem.toWire()));
        continue;
      }
      await applyRefTransaction(gitDir, remaining, `escrow-workbench sync ${sync.id} (recovered)`);
      const unchanged = await countUnchanged(this.workspace.db.read, row.id, changes);
      const headRef = await readSymbolicHead(gitDir);
      await this.workspace.db.transaction((tx) =>
        completeSync(tx, row.id, sync.id, changes, unchanged, alarmsForPlan({ changes, unchanged, snapshot: new Map() }), headRef),
      );
    }
  }
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

function countChanges(changes: readonly RefChange[], unchanged: number): ComponentSyncResult['refs'] {
  const count = (kind: RefChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return { added: count('added'), updated: count('updated'), forced: count('forced'), deleted: count('deleted'), unchanged };
}

function cancelledOr(error: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return new AppError('CANCELLED', 'error.cancelled');
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', 'error.internal', { detail: message });
}

function failedResult(name: string, syncId: number | null, error: AppError, status: 'failed' | 'cancelled' = 'failed'): ComponentSyncResult {
  return { name, status, syncId, refs: EMPTY_COUNTS, alarms: [], error: error.toWire() };
}
