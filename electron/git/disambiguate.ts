import { runGit } from './runner.js';

/**
 * Every object whose id starts with `prefix` (4–64 hex digits, checked here): `rev-parse --disambiguate`
 * only ever matches object ids, never ref names, so a vendor ref cannot stand in for a commit.
 */
export async function objectsWithPrefix(gitDir: string, prefix: string): Promise<string[]> {
  if (!/^[0-9a-f]{4,64}$/.test(prefix)) throw new Error(`not a hex object id prefix: ${JSON.stringify(prefix)}`);
  const { stdout } = await runGit(['rev-parse', `--disambiguate=${prefix}`], { gitDir, okExitCodes: [0, 128] });
  return stdout
    .toString('latin1')
    .split('\n')
    .filter((line) => /^[0-9a-f]{40,64}$/.test(line));
}
