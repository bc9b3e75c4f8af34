import type { SearchFile, SearchScope, SearchSummary } from '../../../shared/contract/search.js';
import { AppError } from '../../../shared/errors.js';
import { single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';

const PAGE_FILES = 200;

export const searchCommands: CommandSpec[] = [
  {
    words: ['search'],
    usage: 'PATTERN [--component N] [--ref R] [--regex] [--case-sensitive] [--word] [--path GLOB]… [--exclude GLOB]… [--limit N]',
    summary: 'cli.search.summary',
    options: [
      { name: 'component', value: true },
      { name: 'ref', value: true },
      { name: 'regex' },
      { name: 'case-sensitive' },
      { name: 'word' },
      { name: 'path', value: true, repeat: true },
      { name: 'exclude', value: true, repeat: true },
      { name: 'limit', value: true },
    ],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const limit = single(options, 'limit');
      if (limit !== undefined && (!/^\d{1,6}$/.test(limit) || Number(limit) === 0)) throw new AppError('INVALID_INPUT', 'error.cli.positiveNumber', { option: '--limit', value: limit });
      const query = {
        pattern: options.positionals[0] ?? '',
        regex: options.flags.has('regex'),
        caseSensitive: options.flags.has('case-sensitive'),
        wholeWord: options.flags.has('word'),
        include: options.values.get('path') ?? [],
        exclude: options.values.get('exclude') ?? [],
        scope: await scopeOf(context, single(options, 'component'), single(options, 'ref')),
      };
      const summary = await withSearchProgress(context, () => context.call('search.start', { query, ...(limit === undefined ? {} : { maxMatches: Number(limit) }) }));
      const files = await allFiles(context, summary);
      return { json: { ...summary, files }, human: resultText(context, summary, files) };
    },
  },
];

/**
 * No --component: the pinned release of every component. --component alone: its newest pinned release (by
 * its ref while that still points at the pinned commit, else by the commit), else its default branch.
 */
async function scopeOf(context: CliContext, component: string | undefined, ref: string | undefined): Promise<SearchScope> {
  if (component === undefined) {
    if (ref !== undefined) throw new AppError('INVALID_INPUT', 'cli.search.refNeedsComponent');
    return { kind: 'pinned' };
  }
  if (ref !== undefined) return { kind: 'release', component, ref };
  const overview = await context.call('deposit.overview', { component });
  const pinned = overview.releases[0];
  if (pinned) {
    const { releases } = await context.call('release.list', { component });
    const unmoved = releases.some((r) => r.refname === pinned.ref && r.commit === pinned.commit);
    return { kind: 'release', component, ref: unmoved ? pinned.ref : pinned.commit };
  }
  if (overview.headRef === null) throw new AppError('NOT_FOUND', 'cli.search.noRelease', { component });
  return { kind: 'release', component, ref: overview.headRef };
}

async function allFiles(context: CliContext, summary: SearchSummary): Promise<SearchFile[]> {
  const files: SearchFile[] = [];
  while (files.length < summary.totalFiles) {
    const page = await context.call('search.results', { searchId: summary.searchId, offset: files.length, limit: PAGE_FILES });
    if (page.files.length === 0) break;
    files.push(...page.files);
  }
  return files;
}

function resultText(context: CliContext, summary: SearchSummary, files: readonly SearchFile[]): string {
  const releases = summary.releases.length;
  if (files.length === 0) return context.t('cli.search.noMatches', { releases });
  const lines: string[] = [];
  for (const file of files) {
    const where = safeForTerminal(`${file.component}@${file.ref}:${file.path}`);
    for (const m of file.matches) lines.push(`${where}:${m.line}:${m.column}: ${safeForTerminal(m.text)}`);
    const more = file.matchCount - file.matches.length;
    if (more > 0) lines.push(context.t('cli.search.moreInFile', { count: more, path: safeForTerminal(file.path) }));
  }
  lines.push('', context.t('cli.search.result', { matches: summary.totalMatches, files: summary.totalFiles, releases }));
  if (summary.truncated) lines.push(context.t('cli.search.truncated', { count: summary.totalMatches }));
  return lines.join('\n');
}

/** Files found so far on stderr: rewritten in place on a terminal, one line per component into a log. */
async function withSearchProgress<T>(context: CliContext, work: () => Promise<T>): Promise<T> {
  const { workspace } = await context.workspace(false);
  let lastComponent: string | null = null;
  const stop = workspace.events.subscribe((event) => {
    if (event.type !== 'progress' || event.method !== 'search.start' || event.component === null) return;
    const line = context.t('cli.search.progress', { component: event.component, files: event.completed ?? 0 });
    if (context.io.stderrIsTTY) context.io.stderr.write(`\r\u001b[K${line}`);
    else if (event.component !== lastComponent) context.io.stderr.write(`${line}\n`);
    lastComponent = event.component;
  });
  try {
    return await work();
  } finally {
    stop();
    if (context.io.stderrIsTTY) context.io.stderr.write('\r\u001b[K');
  }
}
