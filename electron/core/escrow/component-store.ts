import type { ComponentSummary } from '../../../shared/contract/components.js';
import { wireErrorSchema } from '../../../shared/errors.js';
import type { Queryable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';
import type { SourceKind } from './source.js';

export interface ComponentRow {
  id: string;
  name: string;
  source: string;
  source_kind: SourceKind;
  head_ref: string | null;
  created_at: string;
}

interface SummaryRow extends ComponentRow {
  ref_count: number;
  sync_id: number | null;
  sync_status: NonNullable<ComponentSummary['lastSync']>['status'];
  sync_started_at: string | null;
  sync_finished_at: string | null;
  sync_error_json: string | null;
  open_alarms: number;
  verified_ok: number | null;
  verified_at: string | null;
}

/** Read-side queries over the components projection. */
export async function findComponentByName(db: Queryable, name: string): Promise<ComponentRow | undefined> {
  return db.get<ComponentRow>(sql`SELECT * FROM components WHERE name = ${name}`);
}

export async function listComponentSummaries(db: Queryable, componentId?: string): Promise<ComponentSummary[]> {
  const rows = await db.all<SummaryRow>(sql`
    SELECT c.*,
      (SELECT COUNT(*) FROM component_refs r WHERE r.component_id = c.id) AS ref_count,
      s.id AS sync_id, s.status AS sync_status, s.started_at AS sync_started_at,
      s.finished_at AS sync_finished_at, s.error_json AS sync_error_json,
      (SELECT COUNT(*) FROM integrity_alarms a WHERE a.component_id = c.id
        AND NOT EXISTS (SELECT 1 FROM alarm_acknowledgements k WHERE k.alarm_id = a.id)) AS open_alarms,
      v.ok AS verified_ok, v.verified_at AS verified_at
    FROM components c
    LEFT JOIN syncs s ON s.id = (SELECT MAX(id) FROM syncs WHERE component_id = c.id)
    LEFT JOIN verifications v ON v.id = (SELECT MAX(id) FROM verifications WHERE component_id = c.id)
    WHERE ${componentId ?? null} IS NULL OR c.id = ${componentId ?? null}
    ORDER BY c.name COLLATE NOCASE`);
  return rows.map(toSummary);
}

function toSummary(row: SummaryRow): ComponentSummary {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    sourceKind: row.source_kind,
    createdAt: row.created_at,
    refCount: row.ref_count,
    lastSync:
      row.sync_id === null
        ? null
        : {
            id: row.sync_id,
            status: row.sync_status,
            startedAt: row.sync_started_at ?? '',
            finishedAt: row.sync_finished_at,
            error: row.sync_error_json ? wireErrorSchema.parse(JSON.parse(row.sync_error_json)) : null,
          },
    openAlarms: row.open_alarms,
    verified: row.verified_at === null ? null : { ok: row.verified_ok === 1, at: row.verified_at },
  };
}
