import type { CommitDetails, FileChange } from '../../../shared/contract/history.js';
import { AppError } from '../../../shared/errors.js';
import { single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';
import { table } from '../table.js';

type ChangeRow = Pick<FileChange, 'status' | 'path' | 'oldPath' | 'additions' | 'deletions'>;

export const historyCommands: CommandSpec[] = [
  {
    words: ['diff'],
    usage: 'NAME FROM TO [--path P] [--patch]',
    summary: 'cli.history.command.diff',
    options: [{ name: 'path', value: true }, { name: 'patch' }],
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', from = '', to = ''] = options.positionals;
      // `--path src/` means the folder src, as shells complete it.
      const path = single(options, 'path')?.replace(/(.)\/+$/, '$1');
      const input = { component, from, to, ...(path === undefined ? {} : { path }) };
      if (options.flags.has('patch')) {
        const result = await context.call('diff.patch', input);
        // Piped output stays byte-exact for tools like `patch`; a terminal gets control characters escaped.
        const text = context.io.stdoutIsTTY ? safeForTerminal(result.patch, { keepNewlines: true }) : result.patch;
        return { json: result, human: text.endsWith('\n') ? text.slice(0, -1) : text };
      }
      const result = await context.call('diff.files', input);
      if (result.files.length === 0) return { json: result, human: context.t('cli.history.noChanges', { from: safeForTerminal(from), to: safeForTerminal(to) }) };
      return { json: result, human: changeTable(context, result.files) };
    },
  },
  {
    words: ['blame'],
    usage: 'NAME REF PATH',
    summary: 'cli.history.command.blame',
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', path = ''] = options.positionals;
      const result = await context.call('blame.file', { component, ref, path });
      const { file } = await context.call('file.read', { component, ref: result.commit, path });
      const lines = splitLines(file.text ?? '');
      const authorWidth = Math.max(0, ...Object.values(result.commits).map((c) => [...safeForTerminal(c.author)].length));
      const numberWidth = String(result.lines).length;
      const out: string[] = [];
      for (const range of result.ranges) {
        const commit = result.commits[range.commit];
        const author = safeForTerminal(commit?.author ?? '');
        const prefix = `${range.commit.slice(0, 8)} ${author}${' '.repeat(authorWidth - [...author].length)} ${(commit?.authorTime ?? '').slice(0, 10)}`;
        for (let n = range.start; n < range.start + range.count; n++) {
          out.push(`${prefix} ${String(n).padStart(numberWidth)}) ${safeForTerminal(lines[n - 1] ?? '', { keepNewlines: true })}`);
        }
      }
      if (file.truncated) out.push(context.t('cli.history.blame.truncated'));
      return { json: result, human: out.join('\n') };
    },
  },
  {
    words: ['log'],
    usage: 'NAME REF PATH [--limit N]',
    summary: 'cli.history.command.log',
    options: [{ name: 'limit', value: true }],
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', path = ''] = options.positionals;
      const limit = single(options, 'limit');
      if (limit !== undefined && !/^[1-9]\d{0,2}$/.test(limit)) throw new AppError('INVALID_INPUT', 'error.cli.positiveNumber', { option: '--limit', value: limit });
      const result = await context.call('history.file', { component, ref, path, ...(limit === undefined ? {} : { limit: Number(limit) }) });
      const human = table(
        [context.t('cli.column.commit'), context.t('cli.column.date'), context.t('cli.history.column.status'), context.t('cli.history.column.path'), context.t('cli.history.column.author'), context.t('cli.column.subject')],
        result.entries.map((e) => [e.commit.slice(0, 12), e.date.slice(0, 10), e.status, safeForTerminal(e.path), safeForTerminal(e.author), safeForTerminal(e.subject)]),
      );
      return { json: result, human };
    },
  },
  {
    words: ['commit'],
    usage: 'NAME SHA',
    summary: 'cli.history.command.commit',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', commit = ''] = options.positionals;
      const result = await context.call('commit.show', { component, commit: commit.toLowerCase() });
      return { json: result, human: commitText(context, result) };
    },
  },
];

function changeTable(context: CliContext, files: readonly ChangeRow[]): string {
  const rows = files.map((f) => [
    context.t(`diff.status.${f.status}`),
    f.additions === null || f.deletions === null ? context.t('cli.history.binary') : `+${f.additions} −${f.deletions}`,
    f.oldPath === null ? safeForTerminal(f.path) : `${safeForTerminal(f.oldPath)} → ${safeForTerminal(f.path)}`,
  ]);
  const totals = files.reduce((sum, f) => ({ additions: sum.additions + (f.additions ?? 0), deletions: sum.deletions + (f.deletions ?? 0) }), { additions: 0, deletions: 0 });
  const header = [context.t('cli.history.column.status'), context.t('cli.history.column.changes'), context.t('cli.history.column.path')];
  return `${table(header, rows)}\n${context.t('cli.history.totals', { files: files.length, ...totals })}`;
}

function commitText(context: CliContext, details: CommitDetails): string {
  const person = (p: CommitDetails['author']) => ({ name: safeForTerminal(p.name), email: safeForTerminal(p.email), date: p.date });
  const lines = [
    context.t('cli.history.commit.title', { commit: details.commit }),
    details.parents.length === 0 ? context.t('cli.history.commit.root') : context.t('cli.history.commit.parents', { parents: details.parents.join(' ') }),
    context.t('cli.history.commit.author', person(details.author)),
    context.t('cli.history.commit.committer', person(details.committer)),
    '',
    ...splitLines(details.message).map((line) => `    ${safeForTerminal(line, { keepNewlines: true })}`),
  ];
  if (details.files.length > 0) lines.push('', changeTable(context, details.files));
  return lines.join('\n');
}

/** Lines as git counts them: a final newline ends the last line rather than starting another; CR is line ending. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
