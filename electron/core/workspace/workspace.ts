import { promises as fs } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { Database } from '../../db/database.js';
import { ObjectStore } from '../code/object-store.js';
import { EventBus } from '../event-bus.js';
import { WorkspaceLock } from './workspace-lock.js';
import { WorkspacePaths } from './workspace-paths.js';

export type Face = 'web' | 'electron' | 'cli';

export interface WorkspaceOpenOptions {
  face: Face;
  /** Take the workspace lock and open the database for writing. */
  write: boolean;
}

const MARKER = { format: 'escrow-workbench/workspace', version: 1 };

/** An open workspace: its folders, its database, its object readers and the event bus of this process. */
export class Workspace {
  readonly events = new EventBus();
  readonly objects = new ObjectStore();

  private constructor(
    readonly paths: WorkspacePaths,
    readonly db: Database,
    readonly face: Face,
    private readonly lock: WorkspaceLock | null,
  ) {}

  static async create(root: string, face: Face): Promise<Workspace> {
    const paths = new WorkspacePaths(root);
    const existing = await fs.readdir(root).catch(() => null);
    if (existing !== null && existing.length > 0) {
      const isWorkspace = await fs.stat(paths.marker).then(() => true, () => false);
      throw new AppError('CONFLICT', isWorkspace ? 'error.workspace.exists' : 'error.workspace.notEmpty', { path: root });
    }
    await fs.mkdir(root, { recursive: true });
    await fs.mkdir(paths.mirrors);
    await fs.mkdir(paths.keys, { mode: 0o700 });
    await fs.mkdir(paths.exports);
    const workspace = await Workspace.openAt(paths, { face, write: true }, true);
    // The marker comes last: a folder without it is an unfinished creation, never mistaken for a workspace.
    await fs.writeFile(paths.marker, `${JSON.stringify({ ...MARKER, createdAt: new Date().toISOString() }, null, 2)}\n`);
    return workspace;
  }

  static async open(root: string, options: WorkspaceOpenOptions): Promise<Workspace> {
    const paths = new WorkspacePaths(root);
    let marker: unknown;
    try {
      marker = JSON.parse(await fs.readFile(paths.marker, 'utf8'));
    } catch {
      throw new AppError('NOT_FOUND', 'error.workspace.notFound', { path: root });
    }
    if (typeof marker !== 'object' || marker === null || (marker as { format?: unknown }).format !== MARKER.format) {
      throw new AppError('INVALID_INPUT', 'error.workspace.badMarker', { path: paths.marker });
    }
    return Workspace.openAt(paths, options, false);
  }

  private static async openAt(paths: WorkspacePaths, options: WorkspaceOpenOptions, create: boolean): Promise<Workspace> {
    const lock = options.write ? await WorkspaceLock.acquire(paths.lockFile, options.face) : null;
    try {
      const db = await Database.open(paths.database, { readonly: !options.write, create });
      return new Workspace(paths, db, options.face, lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get root(): string {
    return this.paths.root;
  }

  get writable(): boolean {
    return this.lock !== null;
  }

  private readonly closeHooks: Array<() => Promise<void>> = [];

  /** Work to finish before the workspace closes (writing pending events to the ledger repository). */
  beforeClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  async close(): Promise<void> {
    for (const hook of this.closeHooks.splice(0)) await hook().catch(() => undefined);
    this.objects.close();
    await this.db.close();
    await this.lock?.release();
  }
}
