import type { GithubImportResult } from '../../../shared/contract/github.js';
import type { WorkbenchEvent } from '../../../shared/contract/events.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { single } from '../args.js';
import { safeForTerminal } from '../terminal-text.js';

export const githubCommands: CommandSpec[] = [
  {
    words: ['component', 'import-github'],
    usage: 'ORG [--base-url URL] [--include-forks] [--include-archived] [--topic T]…',
    summary: 'cli.command.importGithub',
    options: [{ name: 'base-url', value: true }, { name: 'include-forks' }, { name: 'include-archived' }, { name: 'topic', value: true, repeat: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const input = {
        org: options.positionals[0] ?? '',
        baseUrl: single(options, 'base-url'),
        includeForks: options.flags.has('include-forks'),
        includeArchived: options.flags.has('include-archived'),
        topics: options.values.get('topic'),
      };
      const { workspace } = await context.workspace(true);
      const stopProgress = workspace.events.subscribe(progressReporter(context));
      try {
        const result = await context.call('component.importGithub', input, { write: true });
        if (context.io.stderrIsTTY) context.io.stderr.write('\r\u001b[K');
        return { json: result, human: importReport(context, result) };
      } finally {
        stopProgress();
      }
    },
  },
];

function importReport(context: CliContext, result: GithubImportResult): string {
  const lines = result.created.map((c) => context.t('cli.github.created', { component: c.name, source: safeForTerminal(c.source) }));
  for (const s of result.skipped) {
    lines.push(context.t('cli.github.skipped', { repository: safeForTerminal(s.repository), reason: context.t(`cli.github.reason.${s.reason}`) }));
  }
  lines.push(context.t('cli.github.summary', { created: result.created.length, total: result.total, skipped: result.skipped.length }));
  if (result.created.length > 0) lines.push(context.t('cli.github.syncHint'));
  return lines.join('\n');
}

/** Like sync: a line rewritten in place on a terminal, one line per phase into a log file. */
function progressReporter(context: CliContext): (event: WorkbenchEvent) => void {
  let lastPhase = '';
  return (progress) => {
    if (progress.type !== 'progress' || progress.method !== 'component.importGithub') return;
    const phase = progress.phase === 'registering' ? 'registering' : 'listing';
    const counts = progress.completed !== null ? ` ${progress.completed}${progress.total !== null ? `/${progress.total}` : ''}` : '';
    const line = `${context.t(`github.phase.${phase}`)}${counts}`;
    if (context.io.stderrIsTTY) {
      context.io.stderr.write(`\r\u001b[K${line}`);
    } else if (phase !== lastPhase) {
      lastPhase = phase;
      context.io.stderr.write(`${line}\n`);
    }
  };
}
