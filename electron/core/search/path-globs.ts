/**
 * Include and exclude globs as git pathspecs, read the way .gitignore reads patterns: a leading "/" anchors
 * at the release root, a glob without "/" matches at any depth (`*.go`), a trailing "/" names folders only,
 * and a glob naming a folder also takes everything in it (`vendor` = `vendor/**`). The schema has already
 * refused a leading ":", so the magic added here is the only magic git sees.
 */
export function globPathspecs(include: readonly string[], exclude: readonly string[]): string[] {
  return [...include.flatMap((g) => expand(g, ':(glob)')), ...exclude.flatMap((g) => expand(g, ':(exclude,glob)'))];
}

function expand(glob: string, magic: string): string[] {
  const folderOnly = glob.endsWith('/');
  const anchored = glob.startsWith('/');
  let body = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  if (body === '') return [`${magic}**`];
  if (!anchored && !body.includes('/')) body = `**/${body}`;
  return folderOnly ? [`${magic}${body}/**`] : [`${magic}${body}`, `${magic}${body}/**`];
}
