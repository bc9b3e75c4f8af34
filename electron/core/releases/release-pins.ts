import type { PinnedRelease, ReleaseInventory } from '../../../shared/contract/deposits.js';
import { releaseInventorySchema } from '../../../shared/contract/deposits.js';
import { AppError } from '../../../shared/errors.js';
import { sql } from '../../db/sql.js';
import type { ReleaseService } from '../code/release-service.js';
import { digestGitTree } from '../digest/git-tree-digest.js';
import type { ComponentService } from '../escrow/component-service.js';
import type { ComponentRow } from '../escrow/component-store.js';
import type { Workspace } from '../workspace/workspace.js';
import { analyseBlob, type BlobFacts } from './blob-facts.js';
import { normaliseRepositoryUrl, parseGitmodules } from './gitmodules.js';
import { buildInventory, type SubmoduleLookup } from './inventory-builder.js';

interface ReleaseRow {
  id: number;
  refname: string;
  commit_id: string;
  tree_id: string;
  digest: string;
  file_count: number;
  total_bytes: number;
  pinned_at: string;
  pinned_by: string;
}

export interface PinOptions {
  /** Who pins (the caller); the core's default person otherwise. */
  actor?: string;
  signal?: AbortSignal;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/**
 * A component release fixed for review and approval: ref → commit → tree → escrow-tree-v1 digest, with its
 * inventory, computed in one pass over the blobs. Pinning the same ref at the same commit again changes
 * nothing; the same ref at another commit (a moved tag) is a new release beside the old one.
 */
export class ReleasePinService {
  constructor(
    private readonly workspace: Workspace,
    private readonly components: ComponentService,
    private readonly releases: ReleaseService,
    private readonly actor: string,
  ) {}

  async pin(componentName: string, ref: string, options: PinOptions = {}): Promise<{ release: PinnedRelease; created: boolean }> {
    const resolved = await this.releases.resolve(componentName, ref);
    const component = resolved.component;
    const refname = resolved.refname ?? resolved.commit;
    const existing = await this.workspace.db.read.get<ReleaseRow>(
      sql`SELECT * FROM releases WHERE component_id = ${component.id} AND refname = ${refname} AND commit_id = ${resolved.commit}`,
    );
    if (existing) return { release: toPinned(component, existing), created: false };

    const blobs = new Map<string, BlobFacts>();
    const { digest, files } = await digestGitTree(resolved.gitDir, resolved.tree, {
      signal: options.signal,
      onProgress: options.onProgress,
      inspect: (file, content) => blobs.set(file.oid, analyseBlob(content)),
    });
    const gitmodules = files.find((f) => f.path === '.gitmodules' && f.mode !== '160000');
    const gitmodulesText = gitmodules ? (await this.workspace.objects.read(resolved.gitDir, gitmodules.oid))?.data.toString('utf8') ?? '' : '';
    const inventory = await buildInventory(files, blobs, parseGitmodules(gitmodulesText), this.submoduleLookup());
    const counted = files.filter((f) => f.mode !== '160000');
    const pinnedAt = new Date().toISOString();
    const id = await this.workspace.db.transaction(async (tx) => {
      const inserted = await tx.run(sql`
        INSERT INTO releases (component_id, refname, commit_id, tree_id, digest, file_count, total_bytes, pinned_at, pinned_by)
        VALUES (${component.id}, ${refname}, ${resolved.commit}, ${resolved.tree}, ${digest}, ${counted.length}, ${inventory.bytes}, ${pinnedAt}, ${options.actor ?? this.actor})`);
      await tx.run(sql`INSERT INTO release_inventories (release_id, inventory_json) VALUES (${inserted.lastId}, ${JSON.stringify(inventory)})`);
      return inserted.lastId;
    });
    this.workspace.events.publish({ type: 'changed', topic: 'releases', component: component.name });
    const row = await this.workspace.db.read.get<ReleaseRow>(sql`SELECT * FROM releases WHERE id = ${id}`);
    return { release: toPinned(component, row!), created: true };
  }

  async list(componentName: string): Promise<PinnedRelease[]> {
    const component = await this.components.require(componentName);
    const rows = await this.workspace.db.read.all<ReleaseRow>(sql`SELECT * FROM releases WHERE component_id = ${component.id} ORDER BY id DESC`);
    return rows.map((row) => toPinned(component, row));
  }

  /** The inventory of the newest pin of a ref (or commit id) of a component. */
  async inventory(componentName: string, ref: string): Promise<{ release: PinnedRelease; inventory: ReleaseInventory }> {
    const component = await this.components.require(componentName);
    const candidates = ref.startsWith('refs/') ? [ref] : [`refs/tags/${ref}`, `refs/heads/${ref}`, ref];
    for (const candidate of candidates) {
      const row = await this.workspace.db.read.get<ReleaseRow & { inventory_json: string }>(sql`
        SELECT r.*, i.inventory_json FROM releases r JOIN release_inventories i ON i.release_id = r.id
        WHERE r.component_id = ${component.id} AND (r.refname = ${candidate} OR r.commit_id = ${candidate}) ORDER BY r.id DESC LIMIT 1`);
      if (row) return { release: toPinned(component, row), inventory: releaseInventorySchema.parse(JSON.parse(row.inventory_json)) };
    }
    throw new AppError('NOT_FOUND', 'error.release.notPinned', { component: component.name, ref });
  }

  /**
   * A submodule is deposited when a registered component's mirror holds its commit (an object id names its
   * content, so any mirror will do); components whose source is the submodule's URL are asked first.
   */
  private submoduleLookup(): SubmoduleLookup {
    return {
      find: async (url, commit) => {
        const wanted = url === null ? null : normaliseRepositoryUrl(url);
        const rows = await this.components.rows();
        const ordered = [...rows.filter((r) => normaliseRepositoryUrl(r.source) === wanted), ...rows.filter((r) => normaliseRepositoryUrl(r.source) !== wanted)];
        for (const row of ordered) {
          const found = await this.workspace.objects.info(this.workspace.paths.mirror(row.id), commit).catch(() => null);
          if (found?.type === 'commit') return row.name;
        }
        return null;
      },
    };
  }
}

function toPinned(component: ComponentRow, row: ReleaseRow): PinnedRelease {
  return {
    id: row.id,
    component: component.name,
    ref: row.refname,
    commit: row.commit_id,
    tree: row.tree_id,
    digest: row.digest,
    fileCount: row.file_count,
    totalBytes: row.total_bytes,
    pinnedAt: row.pinned_at,
    pinnedBy: row.pinned_by,
  };
}
