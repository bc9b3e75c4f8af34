import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Real vendor repositories for tests, built with plain git under a fixed identity and clock so their
 * object ids are stable. (Fixture code, not app code: it runs git without our hardening on purpose.)
 */
export const FIXTURE_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: process.env['HOME'],
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Vendor Dev',
  GIT_AUTHOR_EMAIL: 'dev@vendor.example',
  GIT_COMMITTER_NAME: 'Vendor Dev',
  GIT_COMMITTER_EMAIL: 'dev@vendor.example',
  LC_ALL: 'C',
};

let clock = Date.UTC(2025, 0, 1) / 1000;

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const date = `${clock++} +0500`;
  const { stdout } = await run('git', args, {
    cwd,
    env: { ...FIXTURE_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  return stdout;
}

export async function gitBuffer(cwd: string, ...args: string[]): Promise<Buffer> {
  const { stdout } = await run('git', args, { cwd, env: FIXTURE_ENV, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' });
  return stdout;
}

export async function initRepository(dir: string, options: { bare?: boolean } = {}): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  await git(dir, 'init', '-q', '--initial-branch=main', ...(options.bare ? ['--bare'] : []));
  return dir;
}

export type FileSpec = string | Buffer | { content: string | Buffer; mode?: '100644' | '100755' } | { symlink: string };

/** Write files (null deletes) and commit them; returns the new commit id. */
export async function commitFiles(repo: string, files: Record<string, FileSpec | null>, message: string): Promise<string> {
  for (const [relative, spec] of Object.entries(files)) {
    const full = path.join(repo, relative);
    if (spec === null) {
      await git(repo, 'rm', '-q', '--', relative);
      continue;
    }
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.rm(full, { force: true });
    if (typeof spec === 'object' && !Buffer.isBuffer(spec) && 'symlink' in spec) {
      await fs.symlink(spec.symlink, full);
    } else {
      const content = typeof spec === 'string' || Buffer.isBuffer(spec) ? spec : spec.content;
      await fs.writeFile(full, content);
      const mode = typeof spec === 'object' && !Buffer.isBuffer(spec) && 'mode' in spec ? spec.mode : undefined;
      await fs.chmod(full, mode === '100755' ? 0o755 : 0o644);
    }
    await git(repo, 'add', '--', relative);
  }
  await git(repo, 'commit', '-q', '--allow-empty', '-m', message);
  return (await git(repo, 'rev-parse', 'HEAD')).trim();
}

/** The refs of a repository as `refname → object id`, optionally without our own namespace. */
export async function refsOf(gitDir: string, options: { excludeEscrow?: boolean } = {}): Promise<Map<string, string>> {
  const out = await git(gitDir, 'for-each-ref', '--format=%(refname) %(objectname)');
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [name = '', oid = ''] = line.split(' ');
    if (options.excludeEscrow && name.startsWith('refs/escrow/')) continue;
    refs.set(name, oid);
  }
  return refs;
}

/** A repository with N branches and N tags on a short history, for ref-count tests. */
export async function repositoryWithManyRefs(dir: string, refCount: number): Promise<string> {
  await initRepository(dir);
  await commitFiles(dir, { 'README.md': '# many refs\n' }, 'initial');
  const head = (await git(dir, 'rev-parse', 'HEAD')).trim();
  const lines: string[] = [];
  for (let i = 0; i < refCount; i++) lines.push(`create refs/${i % 2 ? 'tags' : 'heads'}/r${String(i).padStart(5, '0')} ${head}`);
  const child = execFile('git', ['update-ref', '--stdin'], { cwd: dir, env: FIXTURE_ENV });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`update-ref exited ${code}`))));
    child.stdin!.end(`${lines.join('\n')}\n`);
  });
  return dir;
}

/** Stage a blob under a path given as raw bytes (names that are not UTF-8 cannot pass as arguments). */
export async function stageRawPath(repo: string, pathBytes: Buffer, blobOid: string, mode = '100644'): Promise<void> {
  const child = execFile('git', ['update-index', '-z', '--index-info'], { cwd: repo, env: FIXTURE_ENV });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`update-index exited ${code}`))));
    child.stdin!.end(Buffer.concat([Buffer.from(`${mode} ${blobOid}\t`), pathBytes, Buffer.from([0])]));
  });
}
