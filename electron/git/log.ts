import { decodePathBytes } from '../../shared/domain/path-bytes.js';
import type { ChangeLetter } from './diff-tree.js';
import { NO_DIFF_DRIVERS } from './diff-tree.js';
import { runGit } from './runner.js';

export interface FileHistoryEntry {
  commit: string;
  /** The file's path in this commit (it differs before a rename). */
  path: string;
  status: ChangeLetter;
  author: string;
  authorEmail: string;
  date: string;
  subject: string;
}

const FORMAT = '--format=%H%x00%an%x00%ae%x00%aI%x00%s';

/**
 * The commits that changed one file, newest first, following renames: `git log --follow --name-status -z`.
 * `pathspec` must be a single literal pathspec (`:(literal)…`, which --follow accepts). A merge that
 * changed the file is described against its first parent.
 */
export async function logFileHistory(gitDir: string, commit: string, pathspec: string, limit: number, signal?: AbortSignal): Promise<FileHistoryEntry[]> {
  const args = ['log', ...NO_DIFF_DRIVERS, '--follow', '--no-decorate', '--diff-merges=first-parent', `--max-count=${limit}`, FORMAT, '--name-status', '-z', commit, '--', pathspec];
  const { stdout } = await runGit(args, { gitDir, signal });
  return parseFileHistory(stdout);
}

const COMMIT_ID = /^[0-9a-f]{40,64}$/;

/**
 * Per commit: the five format fields and -z's terminator, all NUL-separated, then for each changed file
 * `\n<status>` NUL path NUL (two paths for renames and copies). The status token's leading newline tells
 * it from the next commit's id.
 */
export function parseFileHistory(output: Buffer): FileHistoryEntry[] {
  const tokens = output.toString('latin1').split('\u0000');
  const entries: FileHistoryEntry[] = [];
  let i = 0;
  while (i < tokens.length) {
    const id = tokens[i]!;
    if (id === '' || id === '\n') {
      i++;
      continue;
    }
    if (!COMMIT_ID.test(id)) throw new Error(`malformed log record at ${JSON.stringify(id.slice(0, 80))}`);
    const [author = '', authorEmail = '', date = '', subject = ''] = tokens.slice(i + 1, i + 5).map(utf8);
    i += 5;
    const entry: FileHistoryEntry = { commit: id, path: '', status: 'M', author, authorEmail, date, subject };
    // Skip the empty terminator field, then read this commit's status records.
    while (i < tokens.length && tokens[i] === '') i++;
    while (i < tokens.length && tokens[i]!.startsWith('\n')) {
      const letter = tokens[i]!.slice(1, 2) as ChangeLetter;
      const twoPaths = letter === 'R' || letter === 'C';
      const path = tokens[i + (twoPaths ? 2 : 1)];
      if (path === undefined) throw new Error('log status record without its path');
      entry.status = letter;
      entry.path = decodePathBytes(Buffer.from(path, 'latin1'));
      i += twoPaths ? 3 : 2;
    }
    entries.push(entry);
  }
  return entries;
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
