import { randomBytes } from 'node:crypto';
import type { ComponentSummary } from '../../../shared/contract/components.js';
import { AppError } from '../../../shared/errors.js';
import { redactSecrets } from '../../../shared/redact.js';
import { probeRemote } from '../../git/ls-remote.js';
import { GitError } from '../../git/git-error.js';
import { sql } from '../../db/sql.js';
import { gitFailureToAppError } from '../git-failure.js';
import type { Workspace } from '../workspace/workspace.js';
import { findComponentByName, listComponentSummaries, type ComponentRow } from './component-store.js';
import { parseComponentSource, type ComponentSource } from './source.js';

/** The register of vendor repositories under escrow. */
export class ComponentService {
  constructor(private readonly workspace: Workspace) {}

  list(): Promise<ComponentSummary[]> {
    return listComponentSummaries(this.workspace.db.read);
  }

  async rows(): Promise<ComponentRow[]> {
    return this.workspace.db.read.all<ComponentRow>(sql`SELECT * FROM components ORDER BY name COLLATE NOCASE`);
  }

  async require(name: string): Promise<ComponentRow> {
    const row = await findComponentByName(this.workspace.db.read, name);
    if (!row) throw new AppError('NOT_FOUND', 'error.component.notFound', { component: name });
    return row;
  }

  async add(name: string, sourceInput: string, cwd = process.cwd()): Promise<ComponentSummary> {
    const existing = await findComponentByName(this.workspace.db.read, name);
    if (existing) throw new AppError('CONFLICT', 'error.component.exists', { component: existing.name });
    const source = await parseComponentSource(sourceInput, cwd);
    if (source.kind === 'path' || source.kind === 'file') await this.requireRepository(source.location);
    const taken = await this.workspace.db.read.get<{ name: string }>(sql`SELECT name FROM components WHERE source = ${source.location}`);
    if (taken) throw new AppError('CONFLICT', 'error.component.sourceTaken', { source: redactSecrets(source.location), component: taken.name });

    return this.register(name, source);
  }

  /** A component whose deposits arrive as bundle files (air-gapped): the source records the first one. */
  async addBundleComponent(name: string, bundleFile: string): Promise<ComponentRow> {
    const existing = await findComponentByName(this.workspace.db.read, name);
    if (existing) throw new AppError('CONFLICT', 'error.component.exists', { component: existing.name });
    await this.register(name, { kind: 'bundle', location: bundleFile });
    return this.require(name);
  }

  /** Remove a component that never got a deposit (its first import failed), with its failed sync records. */
  async forgetUnmirrored(row: ComponentRow): Promise<void> {
    await this.workspace.db.transaction(async (tx) => {
      const deposited = await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM syncs WHERE component_id = ${row.id} AND status = 'ok'`);
      if (deposited?.n) return;
      await tx.run(sql`DELETE FROM ref_changes WHERE sync_id IN (SELECT id FROM syncs WHERE component_id = ${row.id})`);
      await tx.run(sql`DELETE FROM syncs WHERE component_id = ${row.id}`);
      await tx.run(sql`DELETE FROM components WHERE id = ${row.id}`);
    });
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: row.name });
  }

  private async register(name: string, source: ComponentSource): Promise<ComponentSummary> {
    const id = randomBytes(8).toString('hex');
    await this.workspace.db.transaction(async (tx) => {
      await tx.run(sql`
        INSERT INTO components (id, name, source, source_kind, created_at)
        VALUES (${id}, ${name}, ${source.location}, ${source.kind}, ${new Date().toISOString()})`);
    });
    this.workspace.events.publish({ type: 'changed', topic: 'components', component: name });
    const [summary] = await listComponentSummaries(this.workspace.db.read, id);
    return summary!;
  }

  /** A local source must be a git repository; ls-remote proves it without running anything inside it. */
  private async requireRepository(location: string): Promise<void> {
    try {
      await probeRemote(location, { patterns: ['HEAD'], timeoutMs: 60_000 });
    } catch (error) {
      if (error instanceof GitError && (error.kind === 'not-a-repository' || error.kind === 'remote-not-found' || error.kind === 'failed')) {
        throw new AppError('INVALID_INPUT', 'error.source.notARepository', { source: redactSecrets(location) });
      }
      throw gitFailureToAppError(error, redactSecrets(location));
    }
  }
}
