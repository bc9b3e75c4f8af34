import { promises as fs } from 'node:fs';
import type { ComponentSyncResult } from '../../../shared/contract/components.js';
import { AppError } from '../../../shared/errors.js';
import { cloneMirror } from '../../git/clone.js';
import { fetchIntoMirror, type FetchProgress } from '../../git/fetch.js';
import { listRefs, readSymbolicHead, writeSymbolicHead, type RefRecord } from '../../git/for-each-ref.js';
import { listRemoteRefs } from '../../git/ls-remote.js';
import { isAncestor } from '../../git/merge-base.js';
import { configureMirror } from '../../git/repository-setup.js';
import { applyRefTransaction } from '../../git/update-ref.js';
import { mapWithLimit } from '../concurrency.js';
import type { CredentialSource } from '../credentials/git-credentials.js';
import { transferEnvironment } from '../credentials/transfer-environment.js';
import type { CoreSettings } from '../settings.js';
import { gitFailureToAppError } from '../git-failure.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentRow } from './component-store.js';
import type { ComponentService } from './component-service.js';
import { mirrorRefs, recoverInterruptedSyncs, tempMirrorPath } from './mirror-recovery.js';
import { alarmsForPlan, ESCROW_NAMESPACE, INCOMING_PREFIX, planInitial, planRefChanges, refUpdatesForPlan, stagingRefspec, type RefChange, type RefPlan } from './ref-plan.js';
import { completeSync, finishSync, loadPlan, recordPlan, startSync } from './sync-store.js';

export interface SyncProgress extends FetchProgress {
  component: string;
}

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  concurrency?: number;
}

/** Where a sync reads from: the component's own source, or a bundle carried in (which never deletes). */
export interface SyncSource {
  location: string;
  /** A ref missing from the source means the vendor deleted it (false for incremental bundles). */
  absentMeansDeleted: boolean;
}

interface SyncStep {
  row: ComponentRow;
  source: SyncSource;
  /** Extra environment for git (credentials, CA file, ssh key); never logged. */
  env: Record<string, string>;
  gitDir: string;
  syncId: number;
  options: SyncOptions;
  progress: (p: FetchProgress) => void;
  /** Called once the plan is in the database: from then on the sync is finished, never abandoned. */
  planRecorded: () => void;
}

const EMPTY_COUNTS = { added: 0, updated: 0, forced: 0, deleted: 0, unchanged: 0 };
const isOurs = (refname: string) => refname.startsWith(ESCROW_NAMESPACE);

/**
 * Mirrors vendor repositories. The first sync clones into a folder beside the mirror and renames it into
 * place; later syncs ask the remote for its refs, fetch only those that changed into a staging namespace,
 * and move them in one ref transaction. Forced and deleted refs keep their old target under
 * refs/escrow/preserved/ and raise an integrity alarm. Every plan is recorded before any ref moves, so a
 * sync killed at any point is finished or rolled back by the next one.
 */
export class SyncService {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly credentials: CredentialSource,
    private readonly settings: CoreSettings,
  ) {}

  async syncComponents(names: readonly string[] | undefined, options: SyncOptions = {}): Promise<ComponentSyncResult[]> {
    const rows = names && names.length > 0 ? await Promise.all([...new Set(names)].map((n) => this.components.require(n))) : await this.components.rows();
    return mapWithLimit(rows, options.concurrency ?? this.settings.syncConcurrency, (row) =>
      row.source_kind === 'bundle' ? Promise.resolve(bundleOnly(row)) : this.syncComponent(row, options),
    );
  }

  async syncComponent(row: ComponentRow, options: SyncOptions = {}, source?: SyncSource): Promise<ComponentSyncResult> {
    if (this.inFlight.has(row.id)) {
      return failedResult(row.name, null, new AppError('CONFLICT', 'error.sync.alreadyRunning', { component: row.name }));
    }
    this.inFlight.add(row.id);
    try {
      return await this.runSync(row, options, source ?? { location: row.source, absentMeansDeleted: true });
    } finally {
      this.inFlight.delete(row.id);
      this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
    }
  }

  /** Finish or roll back whatever a killed sync of this component left (also run before every sync). */
  recoverInterrupted(row: ComponentRow): Promise<void> {
    return recoverInterruptedSyncs(this.workspace, row, this.workspace.paths.mirror(row.id));
  }

  private async runSync(row: ComponentRow, options: SyncOptions, source: SyncSource): Promise<ComponentSyncResult> {
    const gitDir = this.workspace.paths.mirror(row.id);
    await this.recoverInterrupted(row);
    const db = this.workspace.db;
    const syncId = await db.transaction((tx) => startSync(tx, row.id));
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
    let recorded = false;
    const step: SyncStep = {
      row,
      source,
      env: {},
      gitDir,
      syncId,
      options,
      progress: (p) => options.onProgress?.({ component: row.name, ...p }),
      planRecorded: () => (recorded = true),
    };
    try {
      step.progress({ phase: 'connecting', completed: null, total: null, bytes: null });
      step.env = await transferEnvironment(source.location, this.credentials, this.settings);
      const existing = await mirrorRefs(gitDir);
      const { plan, headRef } = existing === null || existing.length === 0 ? await this.firstCopy(step) : await this.update(step, existing);
      step.progress({ phase: 'recording', completed: null, total: null, bytes: null });
      const alarms = alarmsForPlan(plan);
      await db.transaction((tx) => completeSync(tx, row.id, syncId, plan.changes, plan.unchanged, alarms, headRef));
      return { name: row.name, status: 'ok', syncId, refs: countChanges(plan.changes, plan.unchanged), alarms, error: null };
    } catch (error) {
      const failure = gitFailureToAppError(error, row.name);
      const appError = failure instanceof AppError ? failure : unexpected(failure, options.signal);
      const status = appError.code === 'CANCELLED' ? 'cancelled' : 'failed';
      await fs.rm(tempMirrorPath(gitDir, syncId), { recursive: true, force: true });
      if (recorded && !(await this.planUntouched(syncId, gitDir))) {
        // Part of the plan reached the mirror: the next sync's recovery rolls it forward.
        return failedResult(row.name, syncId, appError, status);
      }
      await db.transaction((tx) => finishSync(tx, syncId, status, appError.toWire()));
      return failedResult(row.name, syncId, appError, status);
    }
  }

  /** The first sync: a complete clone beside the mirror, renamed into place once its plan is recorded. */
  private async firstCopy(step: SyncStep): Promise<{ plan: RefPlan; headRef: string | null }> {
    const temp = tempMirrorPath(step.gitDir, step.syncId);
    await fs.rm(temp, { recursive: true, force: true });
    await cloneMirror({ source: step.source.location, target: temp, signal: step.options.signal, onProgress: step.progress, env: step.env, idleTimeoutMs: this.settings.gitIdleTimeoutMs });
    step.progress({ phase: 'updating-refs', completed: null, total: null, bytes: null });
    await configureMirror(temp, { settingsWritten: true });
    const all = await listRefs(temp);
    // Refs a vendor put into our own namespace are not theirs to write: they are not mirrored.
    await applyRefTransaction(temp, all.filter((r) => isOurs(r.refname)).map((r) => ({ kind: 'delete', refname: r.refname, oldTarget: r.target })), 'escrow-workbench: drop foreign refs/escrow/');
    const plan = planInitial(all.filter((r) => !isOurs(r.refname)));
    const head = await readSymbolicHead(temp);
    step.options.signal?.throwIfAborted();

    await this.workspace.db.transaction((tx) => recordPlan(tx, step.syncId, plan.changes));
    step.planRecorded();
    await fs.rm(step.gitDir, { recursive: true, force: true }); // It held no refs: nothing deposited is lost.
    await fs.rename(temp, step.gitDir);
    return { plan, headRef: head && plan.snapshot.has(head) ? head : null };
  }

  /** A later sync: only refs the remote advertises differently are fetched, into the staging namespace. */
  private async update(step: SyncStep, existing: readonly RefRecord[]): Promise<{ plan: RefPlan; headRef: string | null }> {
    const { gitDir, options } = step;
    const remote = await listRemoteRefs(step.source.location, { signal: options.signal, env: step.env, timeoutMs: this.settings.gitIdleTimeoutMs });
    const live = existing.filter((r) => !isOurs(r.refname));
    const liveTargets = new Map(live.map((r) => [r.refname, r.target]));
    const advertised = [...remote.refs.keys()].filter((name) => !isOurs(name));
    const changed = advertised.filter((name) => liveTargets.get(name) !== remote.refs.get(name)!.oid);
    // A bundle carries only what changed: refs it does not mention are kept, never taken as deleted.
    const remoteNames = new Set(step.source.absentMeansDeleted ? advertised : [...advertised, ...liveTargets.keys()]);

    let incoming: RefRecord[] = [];
    if (changed.length > 0) {
      await this.clearStaging(gitDir, existing);
      await fetchIntoMirror({ gitDir, source: step.source.location, refspecs: changed.map(stagingRefspec), signal: options.signal, onProgress: step.progress, env: step.env, idleTimeoutMs: this.settings.gitIdleTimeoutMs });
      incoming = await listRefs(gitDir, [INCOMING_PREFIX]);
    }
    step.progress({ phase: 'updating-refs', completed: null, total: null, bytes: null });
    const plan = await planRefChanges(live, incoming, remoteNames, step.syncId, (a, b) => isAncestor(gitDir, a, b));
    options.signal?.throwIfAborted();

    const headRef = remote.symref && plan.snapshot.has(remote.symref) ? remote.symref : null;
    if (plan.changes.length > 0) {
      // From here on the sync is not cancellable: the plan is recorded, then applied as one transaction.
      await this.workspace.db.transaction((tx) => recordPlan(tx, step.syncId, plan.changes));
      step.planRecorded();
      await applyRefTransaction(gitDir, refUpdatesForPlan(plan, incoming), `escrow-workbench sync ${step.syncId}`);
    }
    // The recorded default branch tells whether the mirror's HEAD needs to move, without asking git.
    if (headRef && headRef !== step.row.head_ref) await writeSymbolicHead(gitDir, headRef);
    return { plan, headRef };
  }

  /** Delete whatever an earlier, interrupted fetch left in the staging namespace. */
  private async clearStaging(gitDir: string, refs: readonly RefRecord[]): Promise<void> {
    const staged = refs.filter((r) => r.refname.startsWith(INCOMING_PREFIX));
    await applyRefTransaction(gitDir, staged.map((r) => ({ kind: 'delete', refname: r.refname, oldTarget: r.target })), 'escrow-workbench: clear staging');
  }

  private async planUntouched(syncId: number, gitDir: string): Promise<boolean> {
    const changes = await loadPlan(this.workspace.db.read, syncId);
    const live = new Map(((await mirrorRefs(gitDir)) ?? []).map((r) => [r.refname, r.target]));
    return changes.every((c) => (live.get(c.refname) ?? null) === c.oldTarget && (!c.preservedRef || !live.has(c.preservedRef)));
  }
}

/** A component fed only by bundles has no remote to ask: `sync` says so instead of failing. */
function bundleOnly(row: ComponentRow): ComponentSyncResult {
  return failedResult(row.name, null, new AppError('INVALID_INPUT', 'error.bundle.syncNeedsBundle', { component: row.name }));
}

function countChanges(changes: readonly RefChange[], unchanged: number): ComponentSyncResult['refs'] {
  const count = (kind: RefChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return { added: count('added'), updated: count('updated'), forced: count('forced'), deleted: count('deleted'), unchanged };
}

function unexpected(error: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return new AppError('CANCELLED', 'error.cancelled');
  return new AppError('INTERNAL', 'error.internal', { detail: error instanceof Error ? error.message : String(error) });
}

function failedResult(name: string, syncId: number | null, error: AppError, status: 'failed' | 'cancelled' = 'failed'): ComponentSyncResult {
  return { name, status, syncId, refs: EMPTY_COUNTS, alarms: [], error: error.toWire() };
}
