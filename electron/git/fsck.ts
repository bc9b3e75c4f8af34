import { runGit } from './runner.js';

export type FsckProblemKind = 'object-missing' | 'broken-link' | 'object-malformed' | 'unsafe-content' | 'object-corrupt' | 'pack-corrupt' | 'fsck-failed';

/** fsck's checks for content made to attack people who check a repository out (CVE-class tricks). */
const UNSAFE = /^(gitmodules\w+|hasDot\w*|fullPathname|gitattributes\w+|badFilemode|zeroPaddedDate)$/;

export interface FsckProblem {
  kind: FsckProblemKind;
  detail: string;
  oid: string | null;
}

/** `git fsck --full`: every object readable and hashing to its id, everything reachable from refs present. */
export async function runFsck(gitDir: string, signal?: AbortSignal): Promise<FsckProblem[]> {
  const { stdout, stderr, exitCode } = await runGit(['fsck', '--full', '--no-dangling', '--no-progress', '--name-objects'], {
    gitDir,
    signal,
    okExitCodes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 128],
    timeoutMs: 60 * 60_000,
  });
  const problems = parseFsckOutput(`${stdout.toString('utf8')}\n${stderr}`);
  if (exitCode !== 0 && problems.length === 0) {
    problems.push({ kind: 'fsck-failed', detail: `git fsck exited ${exitCode}: ${lastLines(stderr)}`, oid: null });
  }
  return problems;
}

/** Lines of fsck output as problems; warnings (except content built to attack a checkout), notices and dangling objects are not. */
export function parseFsckOutput(output: string): FsckProblem[] {
  const problems: FsckProblem[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let match: RegExpExecArray | null;
    if ((match = /^missing (blob|tree|commit|tag) ([0-9a-f]{40,64})/.exec(line))) {
      problems.push({ kind: 'object-missing', detail: line, oid: match[2]! });
    } else if ((match = /^broken link from\s+(\w+) ([0-9a-f]{40,64})/.exec(line))) {
      const to = /^to\s+(\w+) ([0-9a-f]{40,64})/.exec((lines[i + 1] ?? '').trim());
      if (to) i++;
      problems.push({ kind: 'broken-link', detail: to ? `${match[1]} ${match[2]} → ${to[1]} ${to[2]}` : line, oid: to?.[2] ?? match[2]! });
    } else if ((match = /^(error|warning) in (\w+) ([0-9a-f]{40,64}): (\w+): (.*)$/.exec(line))) {
      // git 2.39 reports a tree entry named `.`, `..` or `.git` only as a warning; it is still an attack on a checkout.
      const unsafe = UNSAFE.test(match[4]!);
      if (unsafe || match[1] === 'error') problems.push({ kind: unsafe ? 'unsafe-content' : 'object-malformed', detail: line, oid: match[3]! });
    } else if (/^(error|fatal): /.test(line)) {
      const oid = /\b([0-9a-f]{40,64})\b/.exec(line)?.[1] ?? null;
      problems.push({ kind: /pack|\.idx\b/i.test(line) ? 'pack-corrupt' : 'object-corrupt', detail: line, oid });
    }
  }
  return problems;
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
