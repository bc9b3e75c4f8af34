import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DemoPlatformError } from './platform-loader.js';

/**
 * Reads one overlay folder: every regular file below it, as exact bytes, keyed by its path relative to
 * the folder with "/" separators. Nothing of the file system's metadata (modes, times, owners) is used;
 * modes come from platform.json only, so the result is the same on every machine.
 */
export async function readOverlay(overlayDir: string, label: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await walk(overlayDir, '', files, label);
  if (files.size === 0) throw new DemoPlatformError(`${label}: overlay folder ${overlayDir} holds no files`);
  return files;
}

async function walk(dir: string, prefix: string, files: Map<string, Buffer>, label: string): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    const full = path.join(dir, name);
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    if (name === '.git' || /[\\\n\0"]/.test(name)) {
      throw new DemoPlatformError(`${label}: overlay file name "${relative}" is not allowed`);
    }
    const info = await lstat(full);
    if (info.isDirectory()) await walk(full, relative, files, label);
    else if (info.isFile()) files.set(relative, await readFile(full));
    else {
      throw new DemoPlatformError(
        `${label}: "${relative}" in the overlay is not a regular file (store a symbolic link as a file holding its target, with mode 120000)`,
      );
    }
  }
}
