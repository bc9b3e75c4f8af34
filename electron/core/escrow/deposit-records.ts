import type { AlarmRecord, ComponentVerification } from '../../../shared/contract/deposits.js';
import { verificationProblemSchema } from '../../../shared/contract/deposits.js';
import { AppError, wireErrorSchema } from '../../../shared/errors.js';
import { z } from 'zod';
import { sql } from '../../db/sql.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentService } from './component-service.js';
import type { RefChangeKind } from './ref-plan.js';
import type { Ledger } from '../events/ledger.js';
import type { ProjectionTable } from '../events/projector.js';

interface AlarmRow {
  id: number;
  component: string;
  sync_id: number;
  refname: string;
  kind: 'forced' | 'deleted';
  severity: 'high' | 'medium';
  old_target: string;
  new_target: string | null;
  preserved_ref: string;
  raised_at: string;
}

/** The deposit's history as people read it: syncs with their ref changes, alarms, the last verification. */
export class DepositRecords {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly ledger: Ledger,
  ) {}

  async syncs(componentName: string, limit = 50) {
    const component = await this.components.require(componentName);
    const rows = await this.workspace.db.read.all<{
      id: number; status: 'running' | 'applying' | 'ok' | 'failed' | 'cancelled' | 'interrupted'; started_at: string; finished_at: string | null;
      refs_added: number; refs_updated: number; refs_forced: number; refs_deleted: number; refs_unchanged: number;
      snapshot_sha256: string | null; error_json: string | null; bundle: string | null;
    }>(sql`
      SELECT s.*, (SELECT file_name FROM bundle_imports b WHERE b.sync_id = s.id) AS bundle
      FROM syncs s WHERE s.component_id = ${component.id} ORDER BY s.id DESC LIMIT ${limit}`);
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      refs: { added: r.refs_added, updated: r.refs_updated, forced: r.refs_forced, deleted: r.refs_deleted, unchanged: r.refs_unchanged },
      snapshotSha256: r.snapshot_sha256,
      bundle: r.bundle,
      error: r.error_json ? wireErrorSchema.parse(JSON.parse(r.error_json)).message : null,
    }));
  }

  async syncChanges(componentName: string, syncId: number, offset: number, limit: number) {
    const component = await this.components.require(componentName);
    const sync = await this.workspace.db.read.get<{ id: number }>(sql`SELECT id FROM syncs WHERE id = ${syncId} AND component_id = ${component.id}`);
    if (!sync) throw new AppError('NOT_FOUND', 'error.bundle.noSuchSync', { component: component.name, sync: syncId });
    const total = (await this.workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM ref_changes WHERE sync_id = ${syncId}`))!.n;
    const rows = await this.workspace.db.read.all<{ refname: string; kind: RefChangeKind; old_target: string | null; new_target: string | null; preserved_ref: string | null }>(
      sql`SELECT refname, kind, old_target, new_target, preserved_ref FROM ref_changes WHERE sync_id = ${syncId} ORDER BY refname LIMIT ${limit} OFFSET ${offset}`,
    );
    return { total, changes: rows.map((r) => ({ refname: r.refname, kind: r.kind, oldTarget: r.old_target, newTarget: r.new_target, preservedRef: r.preserved_ref })) };
  }

  async alarms(options: { component?: string; open?: boolean } = {}): Promise<AlarmRecord[]> {
    const componentId = options.component ? (await this.components.require(options.component)).id : null;
    const rows = await this.workspace.db.read.all<AlarmRow>(sql`
      SELECT a.*, c.name AS component FROM integrity_alarms a JOIN components c ON c.id = a.component_id
      WHERE (${componentId} IS NULL OR a.component_id = ${componentId})
        AND (${options.open ?? null} IS NULL OR ${options.open ? 1 : 0} = NOT EXISTS (SELECT 1 FROM alarm_acknowledgements k WHERE k.alarm_id = a.id))
      ORDER BY a.id DESC`);
    return Promise.all(rows.map((row) => this.withAcknowledgements(row)));
  }

  /** An acknowledgement is added beside the alarm; the alarm itself is never changed or deleted. */
  async acknowledge(alarmId: number, comment: string, actor: string): Promise<AlarmRecord> {
    const exists = await this.workspace.db.read.get<{ id: number }>(sql`SELECT id FROM integrity_alarms WHERE id = ${alarmId}`);
    if (!exists) throw new AppError('NOT_FOUND', 'error.alarm.notFound', { id: alarmId });
    await this.workspace.db.transaction((tx) => this.ledger.append(tx, actor, 'alarm.acknowledged', { alarmId, comment }));
    const row = await this.workspace.db.read.get<AlarmRow>(sql`SELECT a.*, c.name AS component FROM integrity_alarms a JOIN components c ON c.id = a.component_id WHERE a.id = ${alarmId}`);
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: row!.component });
    return this.withAcknowledgements(row!);
  }

  async latestVerification(componentName: string): Promise<ComponentVerification | null> {
    const component = await this.components.require(componentName);
    const row = await this.workspace.db.read.get<{ verified_at: string; ok: number; problems_json: string }>(
      sql`SELECT verified_at, ok, problems_json FROM verifications WHERE component_id = ${component.id} ORDER BY id DESC LIMIT 1`,
    );
    if (!row) return null;
    return { name: component.name, ok: row.ok === 1, verifiedAt: row.verified_at, problems: z.array(verificationProblemSchema).parse(JSON.parse(row.problems_json)) };
  }

  private async withAcknowledgements(row: AlarmRow): Promise<AlarmRecord> {
    const acks = await this.workspace.db.read.all<{ comment: string; acknowledged_by: string; acknowledged_at: string }>(
      sql`SELECT comment, acknowledged_by, acknowledged_at FROM alarm_acknowledgements WHERE alarm_id = ${row.id} ORDER BY id`,
    );
    return {
      id: row.id,
      component: row.component,
      syncId: row.sync_id,
      refname: row.refname,
      kind: row.kind,
      severity: row.severity,
      oldTarget: row.old_target,
      newTarget: row.new_target,
      preservedRef: row.preserved_ref,
      raisedAt: row.raised_at,
      acknowledgements: acks.map((a) => ({ comment: a.comment, by: a.acknowledged_by, at: a.acknowledged_at })),
    };
  }
}

export const alarmProjections: ProjectionTable = {
  async 'alarm.acknowledged'(tx, { actor, at, payload }) {
    await tx.run(sql`INSERT INTO alarm_acknowledgements (alarm_id, comment, acknowledged_by, acknowledged_at) VALUES (${payload['alarmId'] as number}, ${payload['comment'] as string}, ${actor}, ${at})`);
  },
};
