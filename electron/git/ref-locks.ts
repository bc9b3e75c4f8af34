import path from 'node:path';
import { promises as fs } from 'node:fs';

/**
 * A git process killed in the middle of a ref transaction leaves `*.lock` files that make every later
 * update fail. Only call this while holding the workspace lock with no git process of ours on the mirror.
 */
export async function removeStaleRefLocks(gitDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of ['packed-refs.lock', 'HEAD.lock']) {
    const file = path.join(gitDir, name);
    if (await fs.rm(file).then(() => true, () => false)) removed.push(name);
  }
  await walk(path.join(gitDir, 'refs'), async (file) => {
    if (file.endsWith('.lock')) {
      await fs.rm(file, { force: true });
      removed.push(path.relative(gitDir, file));
    }
  });
  return removed;
}

async function walk(dir: string, visit: (file: string) => Promise<void>): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, visit);
    else await visit(full);
  }
}
