import { AppError } from '../../../shared/errors.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';
import { table } from '../table.js';

export const codeCommands: CommandSpec[] = [
  {
    words: ['release', 'list'],
    usage: 'NAME',
    summary: 'cli.command.releaseList',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const component = options.positionals[0] ?? '';
      const result = await context.call('release.list', { component });
      const { pinned } = result;
      if (result.releases.length === 0) return { json: result, human: context.t('cli.noReleases') };
      const pinnedLines = pinned.map((p) => `${context.t('cli.release.pinnedLine', { ref: safeForTerminal(p.ref), commit: p.commit.slice(0, 12), digest: p.digest })}`);
      const human = [...pinnedLines, ...(pinnedLines.length > 0 ? [''] : [])].join('\n') + table(
        [context.t('cli.column.kind'), context.t('cli.column.name'), context.t('cli.column.commit'), context.t('cli.column.date'), context.t('cli.column.subject')],
        result.releases.map((r) => [
          context.t(`release.kind.${r.kind}`),
          safeForTerminal(r.name) + (r.refname === result.defaultRef ? ' *' : ''),
          r.commit.slice(0, 12),
          r.date.slice(0, 10),
          safeForTerminal(r.subject),
        ]),
      );
      return { json: result, human };
    },
  },
  {
    words: ['tree'],
    usage: 'NAME REF [PATH]',
    summary: 'cli.command.tree',
    positionals: { min: 2, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', prefix] = options.positionals;
      const result = await context.call('tree.list', { component, ref });
      const under = prefix === undefined ? null : prefix.replace(/\/+$/, '');
      const entries = under === null ? result.entries : result.entries.filter((e) => e.path === under || e.path.startsWith(`${under}/`));
      if (under !== null && entries.length === 0) {
        throw new AppError('NOT_FOUND', 'error.path.notFound', { component, ref, path: under });
      }
      const human = entries.map((e) => `${e.mode} ${e.oid}\t${safeForTerminal(e.path)}`).join('\n');
      return { json: { ...result, entries }, human };
    },
  },
  {
    words: ['show'],
    usage: 'NAME REF PATH',
    summary: 'cli.command.show',
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', path = ''] = options.positionals;
      const result = await context.call('file.read', { component, ref, path });
      const file = result.file;
      if (file.text === null) {
        return { json: result, human: context.t(`cli.show.${file.kind === 'submodule' ? 'submodule' : 'binary'}`, { path: safeForTerminal(file.path), size: file.size }) };
      }
      const text = context.io.stdoutIsTTY ? safeForTerminal(file.text, { keepNewlines: true }) : file.text;
      const note = file.truncated ? `\n${context.t('cli.show.truncated', { size: file.size })}` : '';
      return { json: result, human: text.endsWith('\n') ? text.slice(0, -1) + note : text + note };
    },
  },
];
