import type { LedgerExchange } from '../../../shared/contract/ledger.js';
import { single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { safeForTerminal } from '../terminal-text.js';

function mergedText(context: CliContext, outcome: LedgerExchange): string {
  const lines = outcome.quarantined.map((q) => `quarantined  ${q.keyid.slice(0, 16)}…/${q.seq}  ${q.reason}  ${safeForTerminal(q.detail)}`);
  const summary = context.t('cli.ledger.merged', {
    source: safeForTerminal(outcome.source),
    applied: outcome.applied,
    duplicates: outcome.duplicates,
    quarantined: outcome.quarantined.length,
    conflicts: outcome.conflicts,
    rebuilt: outcome.rebuilt ? context.t('cli.ledger.rebuilt') : '',
  });
  return [...lines, summary].join('\n');
}

/** `ledger …`: the review ledger between workstations. A pull or import that quarantined events exits 3. */
export const ledgerCommands: CommandSpec[] = [
  {
    words: ['ledger', 'remote', 'add'],
    usage: 'NAME URL',
    summary: 'cli.ledger.command.remoteAdd',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [name = '', url = ''] = options.positionals;
      const remote = await context.call('ledger.remoteAdd', { name, url }, { write: true });
      return { json: remote, human: context.t('cli.ledger.remoteAdded', { name: remote.name, url: safeForTerminal(remote.url) }) };
    },
  },
  {
    words: ['ledger', 'remote', 'remove'],
    usage: 'NAME',
    summary: 'cli.ledger.command.remoteRemove',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const result = await context.call('ledger.remoteRemove', { name: options.positionals[0] ?? '' }, { write: true });
      return { json: result, human: context.t('cli.ledger.remoteRemoved', { name: result.name }) };
    },
  },
  {
    words: ['ledger', 'status'],
    usage: '',
    summary: 'cli.ledger.command.status',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const status = await context.call('ledger.status', {});
      const remotes = status.remotes.map((r) => `${r.name}  ${safeForTerminal(r.url)}  push ${r.lastPushAt ?? '—'}  pull ${r.lastPullAt ?? '—'}${r.lastError ? `  ${safeForTerminal(context.localize(r.lastError))}` : ''}`);
      const quarantine = status.quarantine.map((q) => `quarantined  ${q.keyid.slice(0, 16)}…/${q.seq}  ${q.reason}  ${safeForTerminal(q.detail)}`);
      const conflicts = status.conflicts.map((c) => `${c.kind}  ${safeForTerminal(c.subject)}  ${safeForTerminal(c.detail)}`);
      const summary = context.t('cli.ledger.status', { commit: status.commit?.slice(0, 12) ?? '—', events: status.events, pending: status.pending, quarantined: status.quarantine.length, conflicts: status.conflicts.length });
      return { json: status, human: [...remotes, ...quarantine, ...conflicts, summary].join('\n') };
    },
  },
  {
    words: ['ledger', 'push'],
    usage: 'REMOTE',
    summary: 'cli.ledger.command.push',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const result = await context.call('ledger.push', { remote: options.positionals[0] ?? '' }, { write: true });
      return { json: result, human: context.t('cli.ledger.pushed', { events: result.events, remote: result.remote, commit: result.commit?.slice(0, 12) ?? '—' }) };
    },
  },
  {
    words: ['ledger', 'pull'],
    usage: 'REMOTE',
    summary: 'cli.ledger.command.pull',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const outcome = await context.call('ledger.pull', { remote: options.positionals[0] ?? '' }, { write: true });
      return { json: outcome, human: mergedText(context, outcome), exitCode: outcome.quarantined.length > 0 ? 3 : 0 };
    },
  },
  {
    words: ['ledger', 'export'],
    usage: 'FILE [--since MARK]',
    summary: 'cli.ledger.command.export',
    options: [{ name: 'since', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const since = single(options, 'since');
      const result = await context.call('ledger.export', { file: options.positionals[0] ?? '', ...(since === undefined ? {} : { since }) }, { write: true });
      return { json: result, human: context.t('cli.ledger.exported', { events: result.events, file: safeForTerminal(result.file), mark: result.mark }) };
    },
  },
  {
    words: ['ledger', 'import'],
    usage: 'FILE',
    summary: 'cli.ledger.command.import',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const outcome = await context.call('ledger.import', { file: options.positionals[0] ?? '' }, { write: true });
      return { json: outcome, human: mergedText(context, outcome), exitCode: outcome.quarantined.length > 0 ? 3 : 0 };
    },
  },
];
