import type { EventType } from '../../../shared/domain/events.js';
import { sql } from '../../db/sql.js';
import type { EventRow } from '../events/ledger-event.js';
import type { Workspace } from '../workspace/workspace.js';

const FACTS = ['component', 'name', 'path', 'criterion', 'role', 'decision', 'status', 'to', 'ref', 'commit'] as const;

/** The newest events, a page at a time, for the audit log view; each with the few facts that say what it was about. */
export async function auditEvents(workspace: Workspace, query: { limit: number; before?: number; type?: EventType; actor?: string }) {
  const before = query.before ?? Number.MAX_SAFE_INTEGER;
  const rows = await workspace.db.read.all<EventRow>(sql`SELECT * FROM events WHERE seq < ${before}
    AND (${query.type ?? null} IS NULL OR type = ${query.type ?? null}) AND (${query.actor ?? null} IS NULL OR actor = ${query.actor ?? null})
    ORDER BY seq DESC LIMIT ${query.limit}`);
  const total = (await workspace.db.read.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM events`))!.n;
  return {
    total,
    events: rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      type: row.type,
      actor: row.actor,
      keyid: row.keyid,
      actorSeq: row.actor_seq,
      lamport: row.lamport,
      at: row.at,
      hash: row.hash,
      summary: summarize(row.payload),
    })),
  };
}

function summarize(payloadText: string): string {
  const payload = JSON.parse(payloadText) as Record<string, unknown>;
  const anchor = payload['anchor'] as { path?: string; startLine?: number; endLine?: number } | undefined;
  const facts: string[] = [];
  for (const key of FACTS) {
    const value = payload[key];
    if (typeof value === 'string' || typeof value === 'number') facts.push(`${key}=${key === 'commit' ? String(value).slice(0, 12) : value}`);
  }
  if (anchor?.path) facts.push(`${anchor.path}#L${anchor.startLine}-L${anchor.endLine}`);
  if (Array.isArray(payload['created'])) facts.push(`created=${payload['created'].length}`);
  if (Array.isArray(payload['files'])) facts.push(`files=${payload['files'].length}`);
  return facts.join(' ').slice(0, 300);
}
