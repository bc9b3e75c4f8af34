import type { SigningRole } from '../../../shared/domain/roles.js';

export interface SignoffRow {
  id: string;
  component_id: string;
  commit_id: string;
  ref: string;
  tree_digest: string;
  role: SigningRole;
  decision: 'approve' | 'reject';
  comment: string;
  signer: string;
  keyid: string;
  envelope: string;
  signed_at: string;
}

/** Each person's latest decision per role: signing again replaces one's own earlier decision. */
export function latestDecisions(rows: readonly SignoffRow[]): SignoffRow[] {
  const latest = new Map<string, SignoffRow>();
  for (const row of rows) latest.set(`${row.signer}\u0000${row.role}`, row);
  return [...latest.values()];
}
