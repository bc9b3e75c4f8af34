import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { ComponentSyncResult } from '../../../shared/contract/components.js';
import { AppError } from '../../../shared/errors.js';
import { createBundle, readBundleHeader, verifyBundle, type BundleHeader } from '../../git/bundle.js';
import { initBareMirror } from '../../git/repository-setup.js';
import { sql } from '../../db/sql.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ComponentRow } from './component-store.js';
import type { ComponentService } from './component-service.js';
import { mirrorRefs } from './mirror-recovery.js';
import { snapshotAt } from './sync-store.js';
import type { SyncOptions, SyncService } from './sync-service.js';

export interface BundleFacts {
  file: string;
  sha256: string;
  bytes: number;
  refs: number;
  prerequisites: string[];
}

/**
 * Deposits carried on removable media. An imported bundle is checked (a real bundle, not filtered, every
 * prerequisite commit already deposited, pack readable) before anything is registered, then applied like a
 * sync whose source is the file — except that refs it does not mention are kept, not deleted.
 */
export class BundleService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly sync: SyncService,
  ) {}

  async importBundle(name: string, file: string, options: SyncOptions = {}): Promise<{ bundle: BundleFacts; sync: ComponentSyncResult }> {
    const absolute = path.resolve(file);
    const header = await this.readHeader(absolute);
    const existing = await this.components.require(name).catch(() => null);
    const gitDir = existing ? this.workspace.paths.mirror(existing.id) : null;
    const hasMirror = gitDir !== null && ((await mirrorRefs(gitDir)) ?? []).length > 0;
    await this.checkApplies(absolute, header, name, hasMirror ? gitDir : null);

    const row = existing ?? (await this.components.addBundleComponent(name, absolute));
    const facts = await bundleFacts(absolute, header);
    const result = await this.sync.syncComponent(row, options, { location: absolute, absentMeansDeleted: false });
    if (result.status !== 'ok') {
      // A bundle whose pack is damaged is only found out by reading it: a component registered for it goes again.
      if (!existing) await this.components.forgetUnmirrored(row);
      throw AppError.fromWire(result.error!);
    }
    await this.recordImport(row, result.syncId, facts);
    return { bundle: facts, sync: result };
  }

  /**
   * Carry a component onwards: every ref of its recorded snapshot, or with `sinceSync` only what changed
   * after that sync (the receiver must have imported up to it). Written beside the target, then renamed.
   */
  async exportBundle(name: string, file: string, sinceSync?: number): Promise<BundleFacts> {
    const row = await this.components.require(name);
    const target = path.resolve(file);
    if (await fs.stat(target).then(() => true, () => false)) throw new AppError('CONFLICT', 'error.bundle.targetExists', { file: target });
    const current = await this.workspace.db.read.all<{ refname: string; target: string }>(sql`SELECT refname, target FROM component_refs WHERE component_id = ${row.id} ORDER BY refname`);
    if (current.length === 0) throw new AppError('NOT_FOUND', 'error.bundle.nothingDeposited', { component: row.name });
    const basis = sinceSync === undefined ? new Map<string, string>() : await this.basisAt(row, sinceSync);
    const changed = current.filter((r) => basis.get(r.refname) !== r.target);
    if (changed.length === 0) throw new AppError('CONFLICT', 'error.bundle.nothingNew', { component: row.name, sync: sinceSync ?? 0 });
    const prerequisites = [...new Set(basis.values())].map((oid) => `^${oid}`);
    const temp = `${target}.${randomBytes(4).toString('hex')}.partial`;
    try {
      await createBundle(this.workspace.paths.mirror(row.id), temp, [...changed.map((r) => r.refname), ...prerequisites]);
      await fs.rename(temp, target);
    } finally {
      await fs.rm(temp, { force: true });
    }
    const header = await readBundleHeader(target);
    return bundleFacts(target, header!);
  }

  private async readHeader(file: string): Promise<BundleHeader> {
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) throw new AppError('NOT_FOUND', 'error.bundle.fileMissing', { file });
    const header = await readBundleHeader(file).catch(() => null);
    if (!header) throw new AppError('INVALID_INPUT', 'error.bundle.notABundle', { file });
    if ('filter' in header.capabilities) throw new AppError('INVALID_INPUT', 'error.bundle.filtered', { file, filter: header.capabilities['filter'] ?? '' });
    return header;
  }

  /** Every prerequisite must already be deposited; `git bundle verify` then checks the pack itself. */
  private async checkApplies(file: string, header: BundleHeader, name: string, gitDir: string | null): Promise<void> {
    const missing: string[] = [];
    for (const oid of header.prerequisites) {
      const present = gitDir ? await this.workspace.objects.info(gitDir, oid).catch(() => null) : null;
      if (!present) missing.push(oid);
    }
    if (missing.length > 0) {
      throw new AppError('INVALID_INPUT', 'error.bundle.missingPrerequisites', { component: name, count: missing.length, commits: missing.slice(0, 10).join(', ') }, { missing });
    }
    const scratch = gitDir ?? path.join(this.workspace.paths.mirrors, `.bundle-check-${randomBytes(4).toString('hex')}.git`);
    try {
      if (!gitDir) await initBareMirror(scratch);
      const verdict = await verifyBundle(scratch, file);
      if (!verdict.ok) throw new AppError('INTEGRITY', 'error.bundle.corrupt', { file, detail: verdict.detail.split('\n').slice(-3).join(' | ') });
    } finally {
      if (!gitDir) await fs.rm(scratch, { recursive: true, force: true });
    }
  }

  private async basisAt(row: ComponentRow, syncId: number): Promise<Map<string, string>> {
    const sync = await this.workspace.db.read.get<{ status: string }>(sql`SELECT status FROM syncs WHERE id = ${syncId} AND component_id = ${row.id}`);
    if (sync?.status !== 'ok') throw new AppError('NOT_FOUND', 'error.bundle.noSuchSync', { component: row.name, sync: syncId });
    return snapshotAt(this.workspace.db.read, row.id, syncId);
  }

  private async recordImport(row: ComponentRow, syncId: number | null, facts: BundleFacts): Promise<void> {
    await this.workspace.db.transaction((tx) =>
      tx.run(sql`
        INSERT INTO bundle_imports (component_id, sync_id, file_name, sha256, bytes, refs, prerequisites, imported_at)
        VALUES (${row.id}, ${syncId}, ${path.basename(facts.file)}, ${facts.sha256}, ${facts.bytes}, ${facts.refs}, ${facts.prerequisites.length}, ${new Date().toISOString()})`),
    );
  }
}

async function bundleFacts(file: string, header: BundleHeader): Promise<BundleFacts> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { file, sha256: hash.digest('hex'), bytes, refs: header.refs.filter((r) => r.refname.startsWith('refs/')).length, prerequisites: header.prerequisites };
}
