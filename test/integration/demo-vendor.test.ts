import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoVendorRepositories, type DemoVendorRepository } from '../../electron/core/demo/demo-vendor.js';
import { runGit } from '../../electron/git/runner.js';

const DEMO_DIR = fileURLToPath(new URL('../../resources/demo/', import.meta.url));
const TIMEOUT = 120_000;

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ew-demo-'));
  tempDirs.push(dir);
  return dir;
}

async function git(gitDir: string, ...args: string[]): Promise<string> {
  return (await runGit(args, { gitDir })).stdout.toString('utf8');
}

async function gitBytes(gitDir: string, ...args: string[]): Promise<Buffer> {
  return (await runGit(args, { gitDir })).stdout;
}

async function refs(repositories: DemoVendorRepository[]): Promise<string> {
  const lines: string[] = [];
  for (const repo of repositories) {
    lines.push(`# ${repo.name}`, (await git(repo.path, 'for-each-ref', '--format=%(refname) %(objectname)')).trim());
  }
  return lines.join('\n');
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('bundled demo escrow', () => {
  let repos: DemoVendorRepository[] = [];
  const byName = (name: string): string => {
    const repo = repos.find((r) => r.name === name);
    if (!repo) throw new Error(`no demo repository ${name}`);
    return repo.path;
  };

  beforeAll(async () => {
    repos = await buildDemoVendorRepositories(DEMO_DIR, path.join(await tempDir(), 'escrow'));
  }, TIMEOUT);

  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('creates at least six bare repositories with HEAD on main', async () => {
    expect(repos.length).toBeGreaterThanOrEqual(6);
    expect(repos.map((r) => r.name)).toEqual(
      expect.arrayContaining(['citizen-portal', 'identity-service', 'payments-gateway', 'registry-db', 'document-archive', 'notification-hub']),
    );
    for (const repo of repos) {
      expect(path.basename(repo.path)).toBe(`${repo.name}.git`);
      expect(repo.description.length).toBeGreaterThan(10);
      expect((await git(repo.path, 'rev-parse', '--is-bare-repository')).trim()).toBe('true');
      expect((await git(repo.path, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main');
    }
  });

  it('is byte-for-byte deterministic: a second build has the same refs and ids', async () => {
    const again = await buildDemoVendorRepositories(DEMO_DIR, await tempDir());
    const first = await refs(repos);
    expect(first).toMatch(/refs\/tags\/v1\.0\.0 [0-9a-f]{40}/);
    expect(await refs(again)).toBe(first);
  }, TIMEOUT);

  it('gives every component at least three annotated tags on commits, six commits and two branches somewhere', async () => {
    let componentsWithSeveralBranches = 0;
    for (const repo of repos) {
      const tags = (await git(repo.path, 'for-each-ref', '--format=%(objecttype) %(*objecttype) %(refname:short)', 'refs/tags'))
        .trim()
        .split('\n');
      expect(tags.length, repo.name).toBeGreaterThanOrEqual(3);
      for (const tag of tags) expect(tag, repo.name).toMatch(/^tag commit v\d+\.\d+\.\d+$/);

      const commits = Number((await git(repo.path, 'rev-list', '--count', '--all')).trim());
      expect(commits, repo.name).toBeGreaterThanOrEqual(6);

      const branches = (await git(repo.path, 'for-each-ref', '--format=%(refname:short)', 'refs/heads')).trim().split('\n');
      expect(branches).toContain('main');
      if (branches.length > 1) componentsWithSeveralBranches++;

      const files = (await git(repo.path, 'ls-tree', '-r', '--name-only', 'HEAD')).trim().split('\n');
      expect(files.length, repo.name).toBeGreaterThanOrEqual(20);
      expect(files.length, repo.name).toBeLessThanOrEqual(60);
      expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', '.gitignore']));
    }
    expect(componentsWithSeveralBranches).toBeGreaterThanOrEqual(3);
  });

  it('passes git fsck --full --strict', async () => {
    for (const repo of repos) {
      const result = await runGit(['fsck', '--full', '--strict', '--no-progress'], { gitDir: repo.path });
      expect(result.exitCode, repo.name).toBe(0);
      expect(result.stdout.toString('utf8').trim(), repo.name).toBe('');
      expect(result.stderr.trim(), repo.name).toBe('');
    }
  });

  it('keeps the legacy windows-1251 and KOI8-R files byte-exact', async () => {
    const archive = byName('document-archive');
    const pascal = await gitBytes(archive, 'show', 'v2.1.0:legacy/delphi/ArchiveExport.pas');
    expect(isValidUtf8(pascal)).toBe(false);
    const pascalText = new TextDecoder('windows-1251').decode(pascal);
    expect(pascalText).toContain('Выгрузка документов завершена');
    expect(pascalText).toContain('\r\n');

    const oracle = await gitBytes(archive, 'show', 'v2.1.0:legacy/sql/export_cards.sql');
    expect(isValidUtf8(oracle)).toBe(false);
    expect(new TextDecoder('koi8-r').decode(oracle)).toContain('Справочник видов документов');
    // Decoded with the wrong code page, the KOI8-R text does not read as Russian.
    expect(new TextDecoder('windows-1251').decode(oracle)).not.toContain('Справочник');
  });

  it('stores the PNG logo as binary and docs/latest as a symbolic link', async () => {
    const archive = byName('document-archive');
    const png = await gitBytes(archive, 'show', 'v2.1.0:assets/logo.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(500);

    expect(await git(archive, 'ls-tree', 'v1.0.0', 'docs/latest')).toMatch(/^120000 blob [0-9a-f]{40}\tdocs\/latest\n$/);
    expect(await git(archive, 'show', 'v1.0.0:docs/latest')).toBe('v1');
    expect(await git(archive, 'ls-tree', 'v2.0.0', 'docs/latest')).toMatch(/^120000 blob /);
    expect(await git(archive, 'show', 'v2.0.0:docs/latest')).toBe('v2');
  });

  it('marks the shell scripts executable and nothing else', async () => {
    const registry = byName('registry-db');
    const entries = (await git(registry, 'ls-tree', '-r', 'v1.3.0')).trim().split('\n');
    const scripts = entries.filter((line) => line.endsWith('.sh'));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const line of scripts) expect(line).toMatch(/^100755 blob /);
    for (const line of entries.filter((l) => !l.endsWith('.sh'))) expect(line).toMatch(/^100644 blob /);
  });

  it('plants the SQL injection in payments-gateway v1.1.0 and fixes it in v1.2.0', async () => {
    const payments = byName('payments-gateway');
    const file = 'internal/storage/transactions.go';
    const vulnerable = await git(payments, 'show', `v1.1.0:${file}`);
    expect(vulnerable).toContain(`order_ref LIKE '%" + ref + "%'`);
    expect(vulnerable).toContain(`"ORDER BY " + sort`);
    const fixed = await git(payments, 'show', `v1.2.0:${file}`);
    expect(fixed).not.toContain('+ ref +');
    expect(fixed).toContain('merchant_id = $1');
    expect(await git(payments, 'show', `v1.0.0:${file}`)).not.toContain('SearchByOrderRef');
  });

  it('plants the hard-coded JWT secret in identity-service v1.1.0 and removes it in v1.1.1 and v2.0.0', async () => {
    const identity = byName('identity-service');
    const file = 'src/main/java/kz/qyzmet/identity/security/JwtTokenProvider.java';
    expect(await git(identity, 'show', `v1.1.0:${file}`)).toMatch(/private static final String JWT_SECRET = "[^"]{32,}";/);
    for (const tag of ['v1.1.1', 'v2.0.0']) expect(await git(identity, 'show', `${tag}:${file}`)).not.toContain('JWT_SECRET');
    // The fix on release/1.1 was cherry-picked to main; the message names the real commit.
    const picked = await git(identity, 'log', '--format=%B', '--grep=cherry picked', 'main');
    const original = (await git(identity, 'rev-parse', 'v1.1.1^{commit}~1')).trim();
    expect(picked).toContain(`(cherry picked from commit ${original})`);
  });

  it('uses the fixed vendor identities and +05:00 dates in 2025-2026', async () => {
    const log = await git(byName('citizen-portal'), 'log', '--all', '--format=%an <%ae> %ai|%cn %ci');
    expect(log).toContain('Aigerim Sadykova <a.sadykova@vendor.example.kz> 2025-02-10 10:24:13 +0500');
    for (const line of log.trim().split('\n')) expect(line).toMatch(/@vendor\.example\.kz> 202[56]-\d\d-\d\d \d\d:\d\d:\d\d \+0500\|/);
  });

  it('refuses to build into a folder that is not empty', async () => {
    const dest = await tempDir();
    await writeFile(path.join(dest, 'keep.txt'), 'precious');
    await expect(buildDemoVendorRepositories(DEMO_DIR, dest)).rejects.toThrow(/not empty/);
  });

  it('reports a broken platform.json with the component and commit at fault', async () => {
    const demo = await tempDir();
    await mkdir(path.join(demo, 'components', 'tiny', '01-base'), { recursive: true });
    await writeFile(path.join(demo, 'components', 'tiny', '01-base', 'README.md'), '# tiny\n');
    const person = { name: 'Test Person', email: 't.person@vendor.example.kz' };
    const base = { message: 'Initial commit', author: 't.person', date: '2025-01-10T10:00:00+05:00', branch: 'main', overlay: '01-base' };
    const write = (commits: object[]) =>
      writeFile(
        path.join(demo, 'platform.json'),
        JSON.stringify({ schemaVersion: 1, platform: 'P', vendor: 'V', people: { 't.person': person }, components: [{ name: 'tiny', description: 'Tiny', commits }] }),
      );

    await write([base, { ...base, message: 'Second', overlay: '02-missing' }]);
    await expect(buildDemoVendorRepositories(demo, await tempDir())).rejects.toThrow(/component "tiny", commit #2 \("Second"\): overlay folder .*02-missing does not exist/);

    await write([base, { ...base, message: 'Hotfix', branch: 'release/1.x', from: 'v9.9.9' }]);
    await expect(buildDemoVendorRepositories(demo, await tempDir())).rejects.toThrow(/commit #2 \("Hotfix"\): "from" names "v9\.9\.9"/);

    await write([{ ...base, modes: { 'README.md': '100777' } }]);
    await expect(buildDemoVendorRepositories(demo, await tempDir())).rejects.toThrow(/commit #1 \("Initial commit"\): mode of "README\.md"/);

    await write([{ ...base, date: '2025-01-10 10:00' }]);
    await expect(buildDemoVendorRepositories(demo, await tempDir())).rejects.toThrow(/not an ISO 8601 date with an offset/);

    await write([base]);
    const built = await buildDemoVendorRepositories(demo, await tempDir());
    expect(built.map((r) => r.name)).toEqual(['tiny']);
  }, TIMEOUT);
});
