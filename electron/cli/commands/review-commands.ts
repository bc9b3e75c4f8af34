import type { ReleaseStatusReport, Thread } from '../../../shared/contract/review.js';
import { AppError } from '../../../shared/errors.js';
import { required, single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { table } from '../table.js';
import { safeForTerminal } from '../terminal-text.js';

/** `--lines 10-20` or `--lines 10`. */
export function parseLines(text: string | undefined): { startLine: number; endLine: number } {
  const match = text === undefined ? null : /^([1-9]\d{0,8})(?:-([1-9]\d{0,8}))?$/.exec(text);
  if (!match) throw new AppError('INVALID_INPUT', 'error.cli.lines', { value: text ?? '' });
  const startLine = Number(match[1]);
  return { startLine, endLine: match[2] === undefined ? startLine : Number(match[2]) };
}


function threadLine(context: CliContext, thread: Thread): string {
  const where = thread.placement.path ? `${thread.placement.path}#L${thread.placement.startLine}-L${thread.placement.endLine}` : `${thread.anchor.path}#L${thread.anchor.startLine}-L${thread.anchor.endLine}`;
  const first = thread.comments[0];
  return `${thread.id}  ${context.t(`anchor.status.${thread.placement.status}`)}  ${thread.status}  ${safeForTerminal(where)}  ${safeForTerminal(first?.author ?? '')}: ${safeForTerminal((first?.body ?? '').split('\n')[0] ?? '')}`;
}

function percent(done: number, total: number): string {
  return total === 0 ? '—' : `${((100 * done) / total).toFixed(1)}%`;
}

export const reviewCommands: CommandSpec[] = [
  {
    words: ['annotate'],
    usage: 'NAME REF PATH --lines A-B --body TEXT',
    summary: 'cli.review.command.annotate',
    options: [{ name: 'lines', value: true }, { name: 'body', value: true }],
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', path = ''] = options.positionals;
      const thread = await context.call('thread.open', { component, ref, path, ...parseLines(single(options, 'lines')), body: required(options, 'body') }, { write: true });
      return { json: thread, human: threadLine(context, thread) };
    },
  },
  {
    words: ['thread', 'list'],
    usage: 'NAME REF [PATH]',
    summary: 'cli.review.command.threadList',
    positionals: { min: 2, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', path] = options.positionals;
      const result = await context.call('thread.list', { component, ref, ...(path === undefined ? {} : { path }) });
      return { json: result, human: result.threads.length === 0 ? context.t('cli.review.noThreads') : result.threads.map((t) => threadLine(context, t)).join('\n') };
    },
  },
  {
    words: ['thread', 'reply'],
    usage: 'ID --body TEXT',
    summary: 'cli.review.command.threadReply',
    options: [{ name: 'body', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const result = await context.call('thread.reply', { threadId: options.positionals[0] ?? '', body: required(options, 'body') }, { write: true });
      return { json: result, human: result.commentId };
    },
  },
  ...(['resolve', 'reopen'] as const).map(
    (verb): CommandSpec => ({
      words: ['thread', verb],
      usage: 'ID',
      summary: verb === 'resolve' ? 'cli.review.command.threadResolve' : 'cli.review.command.threadReopen',
      positionals: { min: 1, max: 1 },
      async run(context, options) {
        const result = await context.call('thread.setStatus', { threadId: options.positionals[0] ?? '', status: verb === 'resolve' ? 'resolved' : 'open' }, { write: true });
        return { json: result, human: `${result.threadId} ${result.status}` };
      },
    }),
  ),
  {
    words: ['review', 'criterion'],
    usage: 'NAME CRITERION [--implies C]… [--description TEXT]',
    summary: 'cli.review.command.criterion',
    options: [{ name: 'implies', value: true, repeat: true }, { name: 'description', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', name = ''] = options.positionals;
      const result = await context.call(
        'criterion.define',
        { component, name, implies: options.values.get('implies') ?? [], description: single(options, 'description') ?? '' },
        { write: true },
      );
      return { json: result, human: `${result.name}${result.implies.length ? ` → ${result.implies.join(', ')}` : ''}` };
    },
  },
  {
    words: ['review', 'mark'],
    usage: 'NAME REF PATH… [--criterion C] [--lines A-B]',
    summary: 'cli.review.command.mark',
    options: [{ name: 'criterion', value: true }, { name: 'lines', value: true }],
    positionals: { min: 3, max: 100_000 },
    async run(context, options) {
      const [component = '', ref = '', ...paths] = options.positionals;
      const lines = single(options, 'lines');
      const result = await context.call(
        'review.mark',
        { component, ref, paths, criterion: single(options, 'criterion') ?? 'safe-to-deploy', ...(lines === undefined ? {} : parseLines(lines)) },
        { write: true },
      );
      return { json: result, human: context.t('cli.review.marked', { count: result.marked }) };
    },
  },
  {
    words: ['review', 'coverage'],
    usage: 'NAME REF [--criterion C] [--files]',
    summary: 'cli.review.command.coverage',
    options: [{ name: 'criterion', value: true }, { name: 'files' }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const result = await context.call('review.coverage', { component, ref, criterion: single(options, 'criterion') ?? 'safe-to-deploy' });
      const rows = result.criteria.flatMap((c) => [
        [c.criterion, context.t('cli.review.combined'), `${c.combined.filesReviewed}/${c.combined.files}`, `${c.combined.linesReviewed}/${c.combined.lines}`, percent(c.combined.linesReviewed, c.combined.lines), String(c.backlogLines)],
        ...c.byPerson.map((p) => ['', safeForTerminal(p.person), `${p.totals.filesReviewed}/${p.totals.files}`, `${p.totals.linesReviewed}/${p.totals.lines}`, percent(p.totals.linesReviewed, p.totals.lines), '']),
      ]);
      let human = table(
        [context.t('cli.review.column.criterion'), context.t('cli.review.column.who'), context.t('cli.review.column.files'), context.t('cli.review.column.lines'), '%', context.t('cli.review.column.backlog')],
        rows,
      );
      if (options.flags.has('files')) {
        human += `\n\n${table(
          [context.t('cli.review.column.path'), context.t('cli.review.column.lines'), context.t('cli.review.column.who')],
          result.files.map((f) => [safeForTerminal(f.path), `${f.reviewedLines}/${f.lines}`, f.reviewers.map((r) => safeForTerminal(r)).join(', ')]),
        )}`;
      }
      return { json: result, human };
    },
  },
  {
    words: ['status'],
    usage: '[NAME [REF]]',
    summary: 'cli.review.command.status',
    positionals: { min: 0, max: 2 },
    async run(context, options) {
      const [component, ref] = options.positionals;
      if (component !== undefined) {
        const releases = ref === undefined ? await context.call('release.list', { component }) : null;
        const resolvedRef = ref ?? releases?.pinned[0]?.commit ?? releases?.defaultRef;
        if (!resolvedRef) throw new AppError('NOT_FOUND', 'error.review.noRelease', { component });
        const report = await context.call('review.status', { component, ref: resolvedRef });
        return { json: report, human: statusTable(context, [report]) };
      }
      const dashboard = await context.call('review.dashboard', {});
      const problems = dashboard.unreviewable.map((u) => `${u.component}: ${safeForTerminal(u.reason)}`);
      return { json: dashboard, human: [statusTable(context, dashboard.components), ...problems].join('\n') };
    },
  },
];

function statusTable(context: CliContext, reports: readonly ReleaseStatusReport[]): string {
  return table(
    [context.t('cli.column.name'), context.t('cli.review.column.release'), context.t('cli.review.column.status'), context.t('cli.review.column.coverage'), context.t('cli.review.column.findings'), context.t('cli.review.column.threads')],
    reports.map((r) => [
      r.component,
      safeForTerminal(r.ref.replace(/^refs\/(tags|heads)\//, '')),
      context.t(`review.status.${r.status}`),
      percent(r.coverage.linesReviewed, r.coverage.lines),
      `C${r.activeFindings.critical} H${r.activeFindings.high} M${r.activeFindings.medium} L${r.activeFindings.low}`,
      String(r.openThreads),
    ]),
  );
}
