import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of our package.json, found from this module whether it runs from source or from dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'escrow-workbench') return dir;
      } catch {
        // Not ours; keep looking upwards.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the escrow-workbench package folder');
    dir = parent;
  }
}

export function resourcesDir(): string {
  return path.join(packageRoot(), 'resources');
}

export function rendererDistDir(): string {
  return path.join(packageRoot(), 'dist', 'renderer');
}

/** The default workspace: $ESCROW_WORKSPACE, else the platform's per-user application data folder. */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['ESCROW_WORKSPACE']) return path.resolve(env['ESCROW_WORKSPACE']);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Escrow Workbench', 'workspace');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Escrow Workbench', 'workspace');
  return path.join(env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share'), 'escrow-workbench', 'workspace');
}
