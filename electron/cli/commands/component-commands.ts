import type { ComponentSummary, ComponentSyncResult } from '../../../shared/contract/components.js';
import type { ProgressEvent } from '../../../shared/contract/events.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';
import { table } from '../table.js';

export const componentCommands: CommandSpec[] = [
  {
    words: ['component', 'add'],
    usage: 'NAME SOURCE',
    summary: 'cli.command.componentAdd',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [name = '', source = ''] = options.positionals;
      const { component } = await context.call('component.add', { name, source }, { write: true });
      return { json: { component }, human: context.t('cli.componentAdded', { component: component.name, source: component.source }) };
    },
  },
  {
    words: ['component', 'list'],
    usage: '',
    summary: 'cli.command.componentList',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const { components } = await context.call('component.list', {});
      return { json: { components }, human: componentTable(context, components) };
    },
  },
  {
    words: ['sync'],
    usage: '[NAME…]',
    summary: 'cli.command.sync',
    positionals: { min: 0, max: 1000 },
    async run(context, options) {
      const { workspace } = await context.workspace(true);
      const stopProgress = workspace.events.subscribe((event) => {
        if (event.type === 'progress') reportProgress(context, event);
      });
      try {
        const names = options.positionals;
        const result = await context.call('sync.run', names.length > 0 ? { components: names } : {}, { write: true });
        if (context.io.stderrIsTTY) context.io.stderr.write('\r\u001b[K');
        const failed = result.components.some((c) => c.status !== 'ok');
        return { json: result, human: result.components.map((c) => syncLine(context, c)).join('\n'), exitCode: failed ? 2 : 0 };
      } finally {
        stopProgress();
      }
    },
  },
];

function componentTable(context: CliContext, components: readonly ComponentSummary[]): string {
  if (components.length === 0) return context.t('cli.noComponents');
  return table(
    [context.t('cli.column.name'), context.t('cli.column.refs'), context.t('cli.column.lastSync'), context.t('cli.column.source')],
    components.map((c) => [
      c.name,
      String(c.refCount),
      c.lastSync ? `${context.t(`sync.status.${c.lastSync.status}`)} ${c.lastSync.finishedAt ?? c.lastSync.startedAt}` : context.t('sync.never'),
      safeForTerminal(c.source),
    ]),
  );
}

function syncLine(context: CliContext, result: ComponentSyncResult): string {
  if (result.status !== 'ok') {
    return `${result.name}: ${context.t(`sync.status.${result.status}`)} — ${result.error ? context.localize(result.error) : ''}`;
  }
  const lines = [`${result.name}: ${context.t('cli.syncCounts', result.refs)}`];
  for (const alarm of result.alarms) {
    lines.push(`  ${context.t(`alarm.${alarm.kind}`, { refname: safeForTerminal(alarm.refname), severity: context.t(`severity.${alarm.severity}`), preserved: safeForTerminal(alarm.preservedRef) })}`);
  }
  return lines.join('\n');
}

let lastReported = '';

function reportProgress(context: CliContext, event: ProgressEvent): void {
  const parts = [event.component ?? '', context.t(`progress.phase.${phaseKey(event.phase)}`)];
  if (event.completed !== null && event.total !== null) parts.push(`${event.completed}/${event.total}`);
  if (event.bytes !== null) parts.push(`${(event.bytes / 1024 / 1024).toFixed(1)} MiB`);
  const line = parts.filter(Boolean).join(' · ');
  if (context.io.stderrIsTTY) {
    context.io.stderr.write(`\r\u001b[K${line}`);
    return;
  }
  // Into a log file, one line per phase is enough.
  const phase = `${event.component} ${event.phase}`;
  if (phase === lastReported) return;
  lastReported = phase;
  context.io.stderr.write(`${line}\n`);
}

const KNOWN_PHASES = ['connecting', 'counting', 'compressing', 'receiving', 'resolving', 'updating-refs', 'recording'] as const;

export function phaseKey(phase: string): (typeof KNOWN_PHASES)[number] | 'other' {
  return (KNOWN_PHASES as readonly string[]).includes(phase) ? (phase as (typeof KNOWN_PHASES)[number]) : 'other';
}
