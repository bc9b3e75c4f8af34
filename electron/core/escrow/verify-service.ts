import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ComponentVerification, VerificationProblem } from '../../../shared/contract/deposits.js';
import { listRefTargets } from '../../git/for-each-ref.js';
import { runFsck } from '../../git/fsck.js';
import { sql } from '../../db/sql.js';
import { mapWithLimit } from '../concurrency.js';
import type { ReleaseDigester } from '../releases/release-digester.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentRow } from './component-store.js';
import type { ComponentService } from './component-service.js';
import { ESCROW_NAMESPACE } from './ref-plan.js';

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (component: string, phase: 'objects' | 'refs' | 'releases') => void;
}

/**
 * Proves a deposit complete and unaltered, or names every way it is not: objects readable and connected
 * (git fsck --full), each ref of the last recorded snapshot present with its recorded target (a mirror
 * edited outside the app is caught), every preserved ref intact, every pinned release's commit present and
 * its escrow-tree-v1 digest recomputed equal. A component never mirrored is not "ok" either.
 */
export class VerifyService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly digester: ReleaseDigester,
  ) {}

  async verify(names: readonly string[] | undefined, options: VerifyOptions = {}): Promise<ComponentVerification[]> {
    const rows = names && names.length > 0 ? await Promise.all([...new Set(names)].map((n) => this.components.require(n))) : await this.components.rows();
    return mapWithLimit(rows, 2, (row) => this.verifyComponent(row, options));
  }

  private async verifyComponent(row: ComponentRow, options: VerifyOptions): Promise<ComponentVerification> {
    const problems = await this.findProblems(row, options);
    const verifiedAt = new Date().toISOString();
    await this.workspace.db.transaction((tx) =>
      tx.run(sql`INSERT INTO verifications (component_id, verified_at, ok, problems_json) VALUES (${row.id}, ${verifiedAt}, ${problems.length === 0}, ${JSON.stringify(problems)})`),
    );
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
    return { name: row.name, ok: problems.length === 0, verifiedAt, problems };
  }

  private async findProblems(row: ComponentRow, options: VerifyOptions): Promise<VerificationProblem[]> {
    const db = this.workspace.db.read;
    const gitDir = this.workspace.paths.mirror(row.id);
    const synced = await db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM syncs WHERE component_id = ${row.id} AND status = 'ok'`);
    if (!synced?.n) return [{ kind: 'never-mirrored', detail: row.name }];
    if (!(await exists(path.join(gitDir, 'HEAD')))) return [{ kind: 'mirror-missing', detail: gitDir }];
    const refs = await listRefTargets(gitDir, options.signal);

    const problems: VerificationProblem[] = [];
    if (await exists(path.join(gitDir, 'objects', 'info', 'alternates'))) problems.push({ kind: 'alternates', detail: 'objects/info/alternates' });
    const packs = await fs.readdir(path.join(gitDir, 'objects', 'pack')).catch(() => [] as string[]);
    for (const promisor of packs.filter((p) => p.endsWith('.promisor'))) problems.push({ kind: 'partial-clone', detail: promisor });

    options.onProgress?.(row.name, 'objects');
    for (const p of await runFsck(gitDir, options.signal)) problems.push({ kind: p.kind, detail: p.detail });

    options.onProgress?.(row.name, 'refs');
    const live = new Map(refs.filter((r) => !r.refname.startsWith(ESCROW_NAMESPACE)).map((r) => [r.refname, r.target]));
    const all = new Map(refs.map((r) => [r.refname, r.target]));
    const recorded = await db.all<{ refname: string; target: string }>(sql`SELECT refname, target FROM component_refs WHERE component_id = ${row.id} ORDER BY refname`);
    for (const { refname, target } of recorded) {
      const actual = live.get(refname);
      if (actual === undefined) problems.push({ kind: 'ref-missing', detail: `${refname} (recorded ${target})` });
      else if (actual !== target) problems.push({ kind: 'ref-mismatch', detail: `${refname}: recorded ${target}, mirror has ${actual}` });
      live.delete(refname);
    }
    for (const [refname, target] of live) problems.push({ kind: 'ref-unrecorded', detail: `${refname} → ${target}` });

    const preserved = await db.all<{ preserved_ref: string; old_target: string }>(sql`
      SELECT c.preserved_ref, c.old_target FROM ref_changes c JOIN syncs s ON s.id = c.sync_id
      WHERE s.component_id = ${row.id} AND s.status = 'ok' AND c.preserved_ref IS NOT NULL ORDER BY c.preserved_ref`);
    for (const { preserved_ref: ref, old_target: target } of preserved) {
      const actual = all.get(ref);
      if (actual === undefined) problems.push({ kind: 'preserved-missing', detail: `${ref} (kept ${target})` });
      else if (actual !== target) problems.push({ kind: 'preserved-mismatch', detail: `${ref}: kept ${target}, mirror has ${actual}` });
    }

    options.onProgress?.(row.name, 'releases');
    problems.push(...(await this.releaseProblems(row, gitDir, options.signal)));
    return problems;
  }

  private async releaseProblems(row: ComponentRow, gitDir: string, signal: AbortSignal | undefined): Promise<VerificationProblem[]> {
    const problems: VerificationProblem[] = [];
    const releases = await this.workspace.db.read.all<{ refname: string; commit_id: string; tree_id: string; digest: string }>(
      sql`SELECT refname, commit_id, tree_id, digest FROM releases WHERE component_id = ${row.id} ORDER BY id`,
    );
    for (const release of releases) {
      const label = `${release.refname} @ ${release.commit_id}`;
      const commit = await this.workspace.objects.readCommit(gitDir, release.commit_id).catch(() => null);
      if (!commit) {
        problems.push({ kind: 'release-commit-missing', detail: label });
        continue;
      }
      if (commit.tree !== release.tree_id) {
        problems.push({ kind: 'release-tree-mismatch', detail: `${label}: recorded tree ${release.tree_id}, commit has ${commit.tree}` });
        continue;
      }
      const digest = await this.digester.digest(gitDir, release.tree_id, { signal }).catch((error: unknown) => error as Error);
      if (digest instanceof Error) problems.push({ kind: 'release-digest-unreadable', detail: `${label}: ${digest.message}` });
      else if (digest !== release.digest) problems.push({ kind: 'release-digest-mismatch', detail: `${label}: recorded ${release.digest}, recomputed ${digest}` });
    }
    return problems;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}
