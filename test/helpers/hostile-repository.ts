import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { commitFiles, FIXTURE_ENV, git, initRepository, stageRawPath } from './git-fixtures.js';

/**
 * A vendor repository built to attack whoever mirrors, reads, searches, digests or reports on it. Every trick
 * that could run code writes to `marker`; every trick that could inject markup would call `alert`, set
 * `window.pwned` or add an `<img src=x>` to the page.
 */
export interface HostileRepository {
  /** The repository (a work tree with `.git`): its hooks and config are armed. */
  repo: string;
  /** A file that exists only if something of the vendor's ran. */
  marker: string;
  /** The local repository the submodule points at; nothing of it may be fetched. */
  inner: string;
  innerCommit: string;
  /** The release commit (tag `v1.0.0`, and the tag whose name is markup). */
  commit: string;
  /** The next commit (tag `v1.1.0`, branch `main`): it adds a tree entry named `..`. */
  dotdotCommit: string;
  markupTag: string;
  names: typeof HOSTILE_NAMES;
  /** Size in bytes of the huge file. */
  hugeBytes: number;
}

/** The odd paths in the release, as the app carries them (non-UTF-8 bytes as U+DC80–U+DCFF). */
export const HOSTILE_NAMES = {
  markupFile: 'web/<img src=x onerror=alert(1)>.js',
  markupFolderFile: '<svg onload=alert(2)>/index.html',
  escape: 'ctrl/esc\u001b[31mred.txt',
  newline: 'ctrl/new\nline.txt',
  bidi: 'ctrl/invoice\u202etxt.exe',
  /** `Пример.txt` in windows-1251: not UTF-8. */
  legacy: `legacy/${String.fromCharCode(...[0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0].map((b) => 0xdc00 + b))}.txt`,
  legacyBytes: Buffer.concat([Buffer.from('legacy/'), Buffer.from([0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0]), Buffer.from('.txt')]),
  dotdot: '../escape.txt',
  symlinkOut: 'links/passwd',
  symlinkUp: 'links/up',
  lfs: 'media/big.bin',
  huge: 'data/huge.csv',
  submodule: 'vendor/inner',
  committedHook: 'hooks/post-checkout',
} as const;

const HUGE_LINE = 'id,name,comment\n';

/** Build the hostile repository under `root`. `hugeMiB` sizes the big file (the issue asks for 200 MB). */
export async function createHostileRepository(root: string, options: { hugeMiB?: number } = {}): Promise<HostileRepository> {
  const marker = path.join(root, 'PWNED');
  const payload = `sh -c 'echo ran >> ${marker}'`;
  const inner = await initRepository(path.join(root, 'inner'));
  const innerCommit = await commitFiles(inner, { 'secret.txt': 'inner content that must not be fetched\n' }, 'inner');
  const repo = await initRepository(path.join(root, 'vendor'));
  const n = HOSTILE_NAMES;

  await commitFiles(
    repo,
    {
      '.gitattributes': '* filter=evil diff=evil merge=evil\n*.bin filter=lfs diff=lfs merge=lfs -text\n',
      '.gitmodules': `[submodule "inner"]\n\tpath = ${n.submodule}\n\turl = ${inner}\n\tupdate = !${payload}\n`,
      'README.md': '# Payments <script>window.pwned = true; alert(3)</script>\n\n<img src=x onerror="window.pwned = true">\n',
      [n.markupFile]: 'window.pwned = true; // <script>alert(4)</script> <img src=x onerror=alert(5)>\n',
      [n.markupFolderFile]: '<!doctype html><script>window.pwned = true</script><iframe src="javascript:alert(6)"></iframe>\n',
      [n.escape]: 'ESC sequences: \u001b]0;owned\u0007 \u001b[2J cleared?\n',
      [n.newline]: 'a newline in the name\n',
      [n.bidi]: 'access_level = "user"; // \u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only\n',
      [n.lfs]: 'version https://git-lfs.github.com/spec/v1\noid sha256:0123456789012345678901234567890123456789012345678901234567890123\nsize 999999999\n',
      [n.symlinkOut]: { symlink: '/etc/passwd' },
      [n.symlinkUp]: { symlink: '../../../../../../../../etc' },
      [n.committedHook]: { content: `#!/bin/sh\n${payload}\n`, mode: '100755' },
      '.husky/pre-commit': { content: `#!/bin/sh\n${payload}\n`, mode: '100755' },
    },
    'Add the service <script>window.pwned = true</script> <img src=x onerror=alert(7)> \u001b[31mred\u001b[0m \u202eevil',
  );
  // Names git will not take as arguments: raw bytes that are not UTF-8, and a tree entry named `..`.
  const legacyBlob = await hashObject(repo, windows1251('Счёт на оплату № 17 от 1 декабря 2025 г.\nПоставщик: ТОО «Вендор», сумма к оплате прописью.\n'));
  await stageRawPath(repo, n.legacyBytes, legacyBlob);
  await git(repo, 'update-index', '--add', '--cacheinfo', `160000,${innerCommit},${n.submodule}`);
  const hugeBytes = (options.hugeMiB ?? 200) * 1024 * 1024;
  const hugeBlob = await hashObject(repo, hugeContent(hugeBytes));
  await git(repo, 'update-index', '--add', '--cacheinfo', `100644,${hugeBlob},${n.huge}`);
  await git(repo, 'commit', '-q', '-m', 'Odd names <img src=x onerror=alert(8)>');
  const commit = (await git(repo, 'rev-parse', 'HEAD')).trim();
  await git(repo, 'tag', '-a', 'v1.0.0', '-m', 'release <script>alert(9)</script>', commit);
  const markupTag = 'v2<svg/onload=alert(10)>';
  await git(repo, 'tag', markupTag, commit);
  // A later release whose tree has an entry named `..` (git itself will not stage it): it must never be written anywhere.
  const escapeBlob = await hashObject(repo, Buffer.from('written outside the tree?\n'));
  const dotdotTree = await mktree(repo, [`100644 blob ${escapeBlob}\tescape.txt`]);
  const rootEntries = (await git(repo, 'ls-tree', commit)).split('\n').filter(Boolean);
  const tree = await mktree(repo, [...rootEntries, `040000 tree ${dotdotTree}\t..`]);
  const dotdotCommit = (await git(repo, 'commit-tree', tree, '-p', commit, '-m', 'A folder named ..')).trim();
  await git(repo, 'update-ref', 'refs/heads/main', dotdotCommit);
  await git(repo, 'tag', 'v1.1.0', dotdotCommit);

  // Armed in the vendor's own repository: a plain `git` there would run them.
  for (const key of ['filter.evil.smudge', 'filter.evil.clean', 'filter.evil.process', 'diff.evil.textconv', 'diff.evil.command', 'merge.evil.driver', 'core.fsmonitor', 'uploadpack.packObjectsHook', 'core.sshCommand']) {
    await git(repo, 'config', key, payload);
  }
  for (const hook of ['pre-upload-pack', 'post-upload-pack', 'post-checkout', 'post-merge', 'reference-transaction', 'pre-push', 'post-rewrite', 'fsmonitor-watchman']) {
    await fs.writeFile(path.join(repo, '.git', 'hooks', hook), `#!/bin/sh\n${payload}\n`, { mode: 0o755 });
  }
  return { repo, marker, inner, innerCommit, commit, dotdotCommit, markupTag, names: n, hugeBytes };
}

/** `bytes` of CSV-like lines (compressible, so the fixture is quick to build and to fetch). */
function hugeContent(bytes: number): Buffer {
  const content = Buffer.alloc(bytes);
  const line = Buffer.from(HUGE_LINE);
  for (let at = 0; at < bytes; at += line.length) line.copy(content, at, 0, Math.min(line.length, bytes - at));
  return content;
}

/** Russian text in windows-1251 (Cyrillic letters, Ё/ё, №, « and » are all this fixture needs). */
function windows1251(text: string): Buffer {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb };
  return Buffer.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (special[c] !== undefined) return special[c];
    throw new Error(`no windows-1251 byte for ${c}`);
  }));
}

function hashObject(repo: string, content: Buffer): Promise<string> {
  return pipeToGit(repo, ['hash-object', '-w', '--stdin'], content);
}

function mktree(repo: string, entries: readonly string[]): Promise<string> {
  return pipeToGit(repo, ['mktree'], Buffer.from(`${entries.join('\n')}\n`));
}

function pipeToGit(repo: string, args: readonly string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd: repo, env: FIXTURE_ENV, maxBuffer: 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
    child.stdin!.end(input);
  });
}
