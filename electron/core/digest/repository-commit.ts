import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { GitError } from '../../git/git-error.js';
import { runGit } from '../../git/runner.js';
import { gitFailureToAppError } from '../git-failure.js';

export interface RepositoryCommit {
  gitDir: string;
  commit: string;
  tree: string;
}

const HEX_COMMIT = /^[0-9a-fA-F]{4,64}$/;

/**
 * A full or abbreviated hex commit id in a bare or non-bare repository, resolved to its commit and tree.
 * Only hex reaches git, after --end-of-options: no revision expression, ref name or option text.
 */
export async function resolveRepositoryCommit(repository: string, commit: string, signal?: AbortSignal): Promise<RepositoryCommit> {
  if (!HEX_COMMIT.test(commit)) throw new AppError('INVALID_INPUT', 'error.digest.badCommit', { commit: commit.slice(0, 100) });
  const gitDir = await gitDirOf(path.resolve(repository));
  const hex = commit.toLowerCase();
  const failure = (error: unknown) => {
    if (!(error instanceof GitError)) return error;
    const params = { repo: gitDir, commit: hex };
    if (/is ambiguous/.test(error.stderr)) return new AppError('NOT_FOUND', 'error.digest.commitAmbiguous', params);
    if (error.kind === 'bad-revision') return new AppError('NOT_FOUND', 'error.digest.commitNotFound', params);
    if (error.kind === 'not-a-repository') return new AppError('NOT_FOUND', 'error.digest.notARepository', { repo: gitDir });
    return gitFailureToAppError(error, gitDir);
  };
  try {
    const full = await revParse(gitDir, `${hex}^{commit}`, signal);
    const tree = await revParse(gitDir, `${full}^{tree}`, signal);
    return { gitDir, commit: full, tree };
  } catch (error) {
    throw failure(error);
  }
}

async function revParse(gitDir: string, spec: string, signal?: AbortSignal): Promise<string> {
  const { stdout } = await runGit(['rev-parse', '--verify', '--end-of-options', spec], { gitDir, signal });
  const oid = stdout.toString('utf8').trim();
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new GitError('bad-revision', ['rev-parse'], 0, `unexpected answer for ${spec}`);
  return oid;
}

/** A non-bare repository's git folder is its `.git` (a folder, or a file pointing elsewhere); a bare one is itself. */
async function gitDirOf(repository: string): Promise<string> {
  const stat = await fs.stat(repository).catch(() => null);
  if (!stat) throw new AppError('NOT_FOUND', 'error.digest.pathMissing', { path: repository });
  if (!stat.isDirectory()) throw new AppError('NOT_FOUND', 'error.digest.notARepository', { repo: repository });
  const dotGit = path.join(repository, '.git');
  return (await fs.lstat(dotGit).catch(() => null)) ? dotGit : repository;
}
