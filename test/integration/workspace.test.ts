import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { Workspace } from '../../electron/core/workspace/workspace.js';
import { tempDir } from '../helpers/temp.js';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('Workspace', () => {
  it('creates the folders of the design and reopens', async () => {
    const root = path.join(await tempDir(), 'ws');
    const created = await Workspace.create(root, 'cli');
    await created.close();
    expect((await fs.readdir(root)).sort()).toEqual(['escrow-workspace.json', 'exports', 'keys', 'mirrors', 'workbench.db']);
    expect((await fs.stat(path.join(root, 'keys'))).mode & 0o777).toBe(0o700);
    const reopened = await Workspace.open(root, { face: 'cli', write: true });
    expect(reopened.writable).toBe(true);
    await reopened.close();
    await expect(fs.stat(path.join(root, 'workspace.lock'))).rejects.toThrow();
  });

  it('refuses to create over a workspace or a folder with other content', async () => {
    const root = path.join(await tempDir(), 'ws');
    await (await Workspace.create(root, 'cli')).close();
    expect(codeOf(await Workspace.create(root, 'cli').catch((e: unknown) => e))).toBe('CONFLICT');
    const other = await tempDir();
    await fs.writeFile(path.join(other, 'notes.txt'), 'mine');
    const error = await Workspace.create(other, 'cli').catch((e: unknown) => e);
    expect((error as AppError).messageKey).toBe('error.workspace.notEmpty');
    expect(await fs.readdir(other)).toEqual(['notes.txt']);
  });

  it('says clearly when there is no workspace', async () => {
    const error = await Workspace.open(path.join(await tempDir(), 'none'), { face: 'cli', write: false }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('NOT_FOUND');
    expect((error as Error).message).toMatch(/No workspace at .*none/);
  });

  it('lets one writer in, refuses a second, and allows readers meanwhile', async () => {
    const root = path.join(await tempDir(), 'ws');
    const writer = await Workspace.create(root, 'web');
    const second = await Workspace.open(root, { face: 'cli', write: true }).catch((e: unknown) => e);
    expect(codeOf(second)).toBe('LOCKED');
    expect((second as Error).message).toContain(`process ${process.pid}`);
    const reader = await Workspace.open(root, { face: 'cli', write: false });
    expect(reader.writable).toBe(false);
    await reader.close();
    await writer.close();
  });

  it('refuses a second process while the lock holder lives', async () => {
    const root = path.join(await tempDir(), 'ws');
    const writer = await Workspace.create(root, 'cli');
    const script = `
      import('${path.resolve('electron/core/workspace/workspace.ts').replaceAll('\\', '/')}').then(async ({ Workspace }) => {
        try { await Workspace.open(${JSON.stringify(root)}, { face: 'cli', write: true }); console.log('opened'); }
        catch (e) { console.log(e.code); }
      });`;
    const output = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', () => resolve(out.trim()));
    });
    expect(output).toBe('LOCKED');
    await writer.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const root = path.join(await tempDir(), 'ws');
    await (await Workspace.create(root, 'cli')).close();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    await fs.writeFile(path.join(root, 'workspace.lock'), JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), face: 'cli', since: 'then' }));
    const workspace = await Workspace.open(root, { face: 'cli', write: true });
    const lock = JSON.parse(await fs.readFile(path.join(root, 'workspace.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    await workspace.close();
  });
});
