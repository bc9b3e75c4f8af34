import { runGit } from './runner.js';

export interface RefRecord {
  refname: string;
  /** What the ref points at (a tag object for annotated tags). */
  target: string;
  /** The commit (or other object) an annotated tag finally points at; null for direct refs. */
  peeled: string | null;
  objectType: string;
  /** Committer or tagger date, ISO 8601; empty for objects without one. */
  date: string;
  subject: string;
}

const FORMAT = ['%(refname)', '%(objectname)', '%(*objectname)', '%(objecttype)', '%(creatordate:iso-strict)', '%(subject)'].join('%00');

export async function listRefs(gitDir: string, patterns: readonly string[] = [], signal?: AbortSignal): Promise<RefRecord[]> {
  const { stdout } = await runGit(['for-each-ref', `--format=${FORMAT}`, ...patterns], { gitDir, signal });
  return parseRefRecords(stdout.toString('utf8'));
}

export function parseRefRecords(output: string): RefRecord[] {
  const records: RefRecord[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [refname = '', target = '', peeled = '', objectType = '', date = '', subject = ''] = line.split('\u0000');
    records.push({ refname, target, peeled: peeled === '' ? null : peeled, objectType, date, subject });
  }
  return records;
}

/**
 * Ref names and the ids they point at, without reading any object: works on a damaged repository, where
 * fields like the object type would make for-each-ref fail.
 */
export async function listRefTargets(gitDir: string, signal?: AbortSignal): Promise<Array<{ refname: string; target: string }>> {
  const { stdout } = await runGit(['for-each-ref', '--format=%(refname)%00%(objectname)'], { gitDir, signal });
  return stdout
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [refname = '', target = ''] = line.split('\u0000');
      return { refname, target };
    });
}

/** The branch a repository's HEAD names, or null when HEAD is detached or missing. */
export async function readSymbolicHead(gitDir: string): Promise<string | null> {
  const { stdout, exitCode } = await runGit(['symbolic-ref', '--quiet', 'HEAD'], { gitDir, okExitCodes: [0, 1, 128] });
  return exitCode === 0 ? stdout.toString('utf8').trim() || null : null;
}

export async function writeSymbolicHead(gitDir: string, refname: string): Promise<void> {
  await runGit(['symbolic-ref', 'HEAD', refname], { gitDir });
}
