import { hostname } from 'node:os';
import { promises as fs, unlinkSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';

interface LockOwner {
  pid: number;
  host: string;
  face: string;
  since: string;
}

const heldInThisProcess = new Set<string>();

/**
 * One writer per workspace: a lock file created with O_EXCL holding the owner's pid and host. A lock left by
 * a process that no longer runs on this host is taken over; anything else is refused with who holds it.
 */
export class WorkspaceLock {
  private released = false;
  private readonly onExit = () => this.releaseSync();

  private constructor(private readonly file: string) {
    process.once('exit', this.onExit);
  }

  static async acquire(file: string, face: string): Promise<WorkspaceLock> {
    if (heldInThisProcess.has(file)) throw lockedError(file, { pid: process.pid, host: hostname(), face, since: '' });
    const owner: LockOwner = { pid: process.pid, host: hostname(), face, since: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await fs.open(file, 'wx');
        try {
          await handle.writeFile(JSON.stringify(owner));
          await handle.sync();
        } finally {
          await handle.close();
        }
        heldInThisProcess.add(file);
        return new WorkspaceLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const current = await readOwner(file);
        if (current && isAlive(current)) throw lockedError(file, current);
        // Stale: its process is gone. Remove it and try once more (a racing process may win; then we refuse).
        await fs.rm(file, { force: true });
      }
    }
    throw lockedError(file, (await readOwner(file)) ?? owner);
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    heldInThisProcess.delete(this.file);
    await fs.rm(this.file, { force: true });
  }

  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    heldInThisProcess.delete(this.file);
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, face: String(parsed.face ?? '?'), since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // Another machine's process: we cannot tell, so we respect it.
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(file: string, owner: LockOwner): AppError {
  return new AppError('LOCKED', 'error.workspace.locked', { pid: owner.pid, host: owner.host, face: owner.face, since: owner.since }, { lockFile: file });
}
