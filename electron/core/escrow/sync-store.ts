import { createHash } from 'node:crypto';
import type { IntegrityAlarm } from '../../../shared/contract/components.js';
import type { WireError } from '../../../shared/errors.js';
import type { Queryable, Writable } from '../../db/connection.js';
import { deleteWhereIn, insertRows } from '../../db/bulk.js';
import { sql } from '../../db/sql.js';
import { snapshotLines, type RefChange, type RefChangeKind } from './ref-plan.js';

export type FinishedStatus = 'failed' | 'cancelled' | 'interrupted';

export interface PendingSync {
  id: number;
  status: 'running' | 'applying';
}

const now = () => new Date().toISOString();

export async function startSync(tx: Writable, componentId: string): Promise<number> {
  const result = await tx.run(sql`INSERT INTO syncs (component_id, status, started_at) VALUES (${componentId}, 'running', ${now()})`);
  return result.lastId;
}

/** The plan is stored before any live ref moves, so a killed sync can be rolled forward afterwards. */
export async function recordPlan(tx: Writable, syncId: number, changes: readonly RefChange[]): Promise<void> {
  await insertRows(
    tx,
    'ref_changes',
    ['sync_id', 'refname', 'kind', 'old_target', 'new_target', 'new_peeled', 'preserved_ref'],
    changes.map((c) => [syncId, c.refname, c.kind, c.oldTarget, c.newTarget, c.newPeeled, c.preservedRef]),
  );
  await tx.run(sql`UPDATE syncs SET status = 'applying' WHERE id = ${syncId}`);
}

export async function loadPlan(db: Queryable, syncId: number): Promise<RefChange[]> {
  const rows = await db.all<{
    refname: string;
    kind: RefChangeKind;
    old_target: string | null;
    new_target: string | null;
    new_peeled: string | null;
    preserved_ref: string | null;
  }>(sql`SELECT * FROM ref_changes WHERE sync_id = ${syncId} ORDER BY refname`);
  return rows.map((r) => ({
    refname: r.refname,
    kind: r.kind,
    oldTarget: r.old_target,
    newTarget: r.new_target,
    newPeeled: r.new_peeled,
    preservedRef: r.preserved_ref,
  }));
}

/** Make the recorded plan the component's current snapshot, raise its alarms, and close the sync. */
export async function completeSync(
  tx: Writable,
  componentId: string,
  syncId: number,
  changes: readonly RefChange[],
  unchanged: number,
  alarms: readonly IntegrityAlarm[],
  headRef: string | null,
): Promise<void> {
  const deleted = changes.filter((c) => c.kind === 'deleted').map((c) => c.refname);
  await deleteWhereIn(tx, 'component_refs', 'refname', deleted, sql`component_id = ${componentId}`);
  await insertRows(
    tx,
    'component_refs',
    ['component_id', 'refname', 'target', 'peeled', 'since_sync_id'],
    changes.filter((c) => c.kind !== 'deleted').map((c) => [componentId, c.refname, c.newTarget, c.newPeeled, syncId]),
    'ON CONFLICT (component_id, refname) DO UPDATE SET target = excluded.target, peeled = excluded.peeled, since_sync_id = excluded.since_sync_id',
  );
  const raisedAt = now();
  await insertRows(
    tx,
    'integrity_alarms',
    ['component_id', 'sync_id', 'refname', 'kind', 'severity', 'old_target', 'new_target', 'preserved_ref', 'raised_at'],
    alarms.map((a) => [componentId, syncId, a.refname, a.kind, a.severity, a.oldTarget, a.newTarget, a.preservedRef, raisedAt]),
  );
  const refs = await tx.all<{ refname: string; target: string }>(sql`SELECT refname, target FROM component_refs WHERE component_id = ${componentId}`);
  const digest = createHash('sha256').update(snapshotLines(new Map(refs.map((r) => [r.refname, { target: r.target }])))).digest('hex');
  const count = (kind: RefChangeKind) => changes.filter((c) => c.kind === kind).length;
  await tx.run(sql`
    UPDATE syncs SET status = 'ok', finished_at = ${now()}, snapshot_sha256 = ${digest},
      refs_added = ${count('added')}, refs_updated = ${count('updated')}, refs_forced = ${count('forced')},
      refs_deleted = ${count('deleted')}, refs_unchanged = ${unchanged}
    WHERE id = ${syncId}`);
  if (headRef !== null) await tx.run(sql`UPDATE components SET head_ref = ${headRef} WHERE id = ${componentId}`);
}

export async function finishSync(tx: Writable, syncId: number, status: FinishedStatus, error: WireError | null): Promise<void> {
  await tx.run(sql`UPDATE syncs SET status = ${status}, finished_at = ${now()}, error_json = ${error ? JSON.stringify(error) : null} WHERE id = ${syncId}`);
}

export async function pendingSyncs(db: Queryable, componentId: string): Promise<PendingSync[]> {
  return db.all<PendingSync>(sql`SELECT id, status FROM syncs WHERE component_id = ${componentId} AND status IN ('running', 'applying') ORDER BY id`);
}

export async function countUnchanged(db: Queryable, componentId: string, changes: readonly RefChange[]): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM component_refs WHERE component_id = ${componentId}`);
  const touched = changes.filter((c) => c.kind !== 'added').length;
  return Math.max(0, (row?.n ?? 0) - touched);
}

/** The component's refs as recorded by a past sync: every change of the successful syncs up to it, replayed. */
export async function snapshotAt(db: Queryable, componentId: string, syncId: number): Promise<Map<string, string>> {
  const rows = await db.all<{ refname: string; kind: RefChangeKind; new_target: string | null }>(sql`
    SELECT c.refname, c.kind, c.new_target FROM ref_changes c JOIN syncs s ON s.id = c.sync_id
    WHERE s.component_id = ${componentId} AND s.status = 'ok' AND s.id <= ${syncId}
    ORDER BY s.id`);
  const snapshot = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'deleted') snapshot.delete(row.refname);
    else snapshot.set(row.refname, row.new_target!);
  }
  return snapshot;
}
