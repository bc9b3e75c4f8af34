import { AppError } from '../../../shared/errors.js';
import { digestArchive } from '../../core/digest/archive-digest.js';
import type { TreeDigest } from '../../core/digest/digested-file.js';
import { digestDirectory } from '../../core/digest/directory-digest.js';
import { digestGitTree } from '../../core/digest/git-tree-digest.js';
import { resolveRepositoryCommit } from '../../core/digest/repository-commit.js';
import { single, type ParsedOptions } from '../args.js';
import type { CommandSpec } from '../command.js';

/** `digest` needs no workspace: the deployment team runs it on a machine with only the tree in hand. */
/** The tree options every command that digests a tree takes. */
export const TREE_OPTIONS = [{ name: 'dir', value: true }, { name: 'archive', value: true }, { name: 'strip-components', value: true }, { name: 'repo', value: true }, { name: 'commit', value: true }] as const;

export const digestCommands: CommandSpec[] = [
  {
    words: ['digest'],
    usage: '(--dir DIR | --archive FILE [--strip-components N] | --repo GITDIR --commit SHA)',
    summary: 'cli.digest.summary',
    options: TREE_OPTIONS,
    positionals: { min: 0, max: 0 },
    async run(context, options) {
      const result = await digestSource(options, context.signal);
      const bytes = result.files.reduce((sum, f) => sum + f.size, 0);
      return { json: { digest: result.digest, files: result.files.length, bytes }, human: result.digest };
    },
  },
];

export function digestSource(options: ParsedOptions, signal: AbortSignal): Promise<TreeDigest> {
  const dir = single(options, 'dir');
  const archive = single(options, 'archive');
  const repo = single(options, 'repo');
  const commit = single(options, 'commit');
  const strip = single(options, 'strip-components');
  if ([dir, archive, repo ?? commit].filter((v) => v !== undefined).length !== 1) throw new AppError('INVALID_INPUT', 'cli.digest.oneSource');
  if ((repo === undefined) !== (commit === undefined)) throw new AppError('INVALID_INPUT', 'cli.digest.repoAndCommit');
  if (strip !== undefined && archive === undefined) throw new AppError('INVALID_INPUT', 'cli.digest.stripNeedsArchive');
  if (dir !== undefined) return digestDirectory(dir);
  if (archive !== undefined) {
    if (strip !== undefined && !/^\d{1,3}$/.test(strip)) throw new AppError('INVALID_INPUT', 'error.digest.badStripComponents', { value: strip });
    return digestArchive(archive, { stripComponents: strip === undefined ? 0 : Number(strip) });
  }
  return resolveRepositoryCommit(repo!, commit!, signal).then(({ gitDir, tree }) => digestGitTree(gitDir, tree, { signal }));
}


/** The commit a `--repo/--commit` source names, resolved; null for a directory or archive. */
export async function sourceCommit(options: ParsedOptions, signal: AbortSignal): Promise<string | null> {
  const repo = single(options, 'repo');
  const commit = single(options, 'commit');
  return repo !== undefined && commit !== undefined ? (await resolveRepositoryCommit(repo, commit, signal)).commit : null;
}
