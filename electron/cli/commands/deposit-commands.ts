import type { ComponentVerification, ReleaseInventory } from '../../../shared/contract/deposits.js';
import type { ProgressEvent } from '../../../shared/contract/events.js';
import { AppError } from '../../../shared/errors.js';
import { single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { table } from '../table.js';
import { safeForTerminal } from '../terminal-text.js';
import { phaseKey } from './component-commands.js';

/** Run a long method with its progress on stderr (one line per phase when stderr is not a terminal). */
async function withProgress<T>(context: CliContext, work: () => Promise<T>): Promise<T> {
  const { workspace } = await context.workspace(true);
  let last = '';
  const stop = workspace.events.subscribe((event) => {
    if (event.type !== 'progress') return;
    const line = progressLine(context, event);
    if (context.io.stderrIsTTY) context.io.stderr.write(`\r\u001b[K${line}`);
    else if (`${event.component} ${event.phase}` !== last) context.io.stderr.write(`${line}\n`);
    last = `${event.component} ${event.phase}`;
  });
  try {
    return await work();
  } finally {
    stop();
    if (context.io.stderrIsTTY) context.io.stderr.write('\r\u001b[K');
  }
}

function progressLine(context: CliContext, event: ProgressEvent): string {
  const phase = event.phase.startsWith('verify-') || event.phase === 'digest' ? context.t(`progress.${event.phase}` as 'progress.digest') : context.t(`progress.phase.${phaseKey(event.phase)}`);
  const parts = [event.component ?? '', phase];
  if (event.completed !== null && event.total) parts.push(`${Math.round((event.completed / event.total) * 100)}%`);
  return parts.filter(Boolean).join(' · ');
}

function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,12}$/.test(text) || Number(text) === 0) throw new AppError('INVALID_INPUT', 'error.cli.positiveNumber', { option, value: text });
  return Number(text);
}

export const depositCommands: CommandSpec[] = [
  {
    words: ['verify'],
    usage: '[NAME…]',
    summary: 'cli.command.verify',
    positionals: { min: 0, max: 1000 },
    async run(context, options) {
      const names = options.positionals;
      const result = await withProgress(context, () => context.call('deposit.verify', names.length > 0 ? { components: names } : {}, { write: true }));
      const human = result.components.map((c) => verificationText(context, c)).join('\n');
      return { json: result, human, exitCode: result.components.every((c) => c.ok) ? 0 : 3 };
    },
  },
  {
    words: ['release', 'pin'],
    usage: 'NAME REF',
    summary: 'cli.command.releasePin',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const { release, created } = await withProgress(context, () => context.call('release.pin', { component, ref }, { write: true }));
      const json = { component: release.component, ref: release.ref, commit: release.commit, tree: release.tree, digest: release.digest, created };
      return { json, human: context.t(created ? 'cli.release.pinned' : 'cli.release.alreadyPinned', { ref: safeForTerminal(release.ref), commit: release.commit, digest: release.digest, files: release.fileCount }) };
    },
  },
  {
    words: ['release', 'inventory'],
    usage: 'NAME REF',
    summary: 'cli.command.releaseInventory',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const result = await context.call('release.inventory', { component, ref });
      return { json: result, human: inventoryText(context, result.inventory) };
    },
  },
  {
    words: ['component', 'import-bundle'],
    usage: 'NAME FILE',
    summary: 'cli.command.importBundle',
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', file = ''] = options.positionals;
      const result = await withProgress(context, () => context.call('bundle.import', { component, file }, { write: true }));
      const { sync, bundle } = result;
      if (sync.status !== 'ok') {
        return { json: result, human: `${sync.name}: ${context.t(`sync.status.${sync.status}`)} — ${sync.error ? context.localize(sync.error) : ''}`, exitCode: 2 };
      }
      const lines = [context.t('cli.bundle.imported', { component: sync.name, refs: bundle.refs, sha256: bundle.sha256 }), `${sync.name}: ${context.t('cli.syncCounts', sync.refs)}`];
      for (const alarm of sync.alarms) lines.push(`  ${context.t(`alarm.${alarm.kind}`, { refname: safeForTerminal(alarm.refname), severity: context.t(`severity.${alarm.severity}`), preserved: alarm.preservedRef })}`);
      return { json: result, human: lines.join('\n') };
    },
  },
  {
    words: ['component', 'export-bundle'],
    usage: 'NAME FILE [--since SYNC]',
    summary: 'cli.command.exportBundle',
    options: [{ name: 'since', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', file = ''] = options.positionals;
      const sinceSync = positiveInteger(single(options, 'since'), '--since');
      const result = await context.call('bundle.export', sinceSync === undefined ? { component, file } : { component, file, sinceSync });
      return { json: result, human: context.t('cli.bundle.exported', { file: safeForTerminal(result.bundle.file), refs: result.bundle.refs, bytes: result.bundle.bytes, sha256: result.bundle.sha256, prerequisites: result.bundle.prerequisites.length }) };
    },
  },
  {
    words: ['component', 'history'],
    usage: 'NAME',
    summary: 'cli.command.history',
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const overview = await context.call('deposit.overview', { component: options.positionals[0] ?? '' });
      const human = table(
        ['SYNC', context.t('cli.column.date'), context.t('cli.column.status'), context.t('cli.column.changes')],
        overview.syncs.map((s) => [String(s.id), s.startedAt, context.t(`sync.status.${s.status}`), s.error ? safeForTerminal(s.error) : context.t('cli.syncCounts', s.refs) + (s.bundle ? ` (${safeForTerminal(s.bundle)})` : '')]),
      );
      return { json: { syncs: overview.syncs }, human };
    },
  },
  {
    words: ['alarm', 'list'],
    usage: '[NAME] [--open]',
    summary: 'cli.command.alarmList',
    options: [{ name: 'open' }],
    positionals: { min: 0, max: 1 },
    async run(context, options) {
      const component = options.positionals[0];
      const { alarms } = await context.call('alarm.list', { ...(component ? { component } : {}), ...(options.flags.has('open') ? { open: true } : {}) });
      if (alarms.length === 0) return { json: { alarms }, human: context.t('cli.alarm.none') };
      const human = alarms
        .map((a) => {
          const head = `#${a.id} ${a.component} ${context.t(`alarm.${a.kind}`, { refname: safeForTerminal(a.refname), severity: context.t(`severity.${a.severity}`), preserved: a.preservedRef })}`;
          const acks = a.acknowledgements.map((k) => `    ${context.t('cli.alarm.acknowledged', { by: safeForTerminal(k.by), at: k.at, comment: safeForTerminal(k.comment) })}`);
          return [head, ...acks].join('\n');
        })
        .join('\n');
      return { json: { alarms }, human };
    },
  },
  {
    words: ['alarm', 'ack'],
    usage: 'ID --comment TEXT',
    summary: 'cli.command.alarmAck',
    options: [{ name: 'comment', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const alarmId = positiveInteger(options.positionals[0], 'ID')!;
      const comment = single(options, 'comment');
      if (comment === undefined) throw new AppError('INVALID_INPUT', 'error.cli.commentRequired');
      const { alarm } = await context.call('alarm.acknowledge', { alarmId, comment }, { write: true });
      return { json: { alarm }, human: context.t('cli.alarm.done', { id: alarm.id }) };
    },
  },
  {
    words: ['credential', 'list'],
    usage: '',
    summary: 'cli.command.credentialList',
    positionals: { min: 0, max: 0 },
    async run(context) {
      const { credentials } = await context.call('credential.list', {});
      if (credentials.length === 0) return { json: { credentials }, human: context.t('cli.credential.none') };
      return {
        json: { credentials },
        human: table(['HOST', 'USER', 'FROM'], credentials.map((c) => [c.host, c.username, c.variable ?? c.origin])),
      };
    },
  },
];

function verificationText(context: CliContext, result: ComponentVerification): string {
  if (result.ok) return context.t('cli.verify.ok', { component: result.name });
  const lines = [context.t('cli.verify.problems', { component: result.name, count: result.problems.length })];
  for (const problem of result.problems) lines.push(`  ${context.t(`verify.problem.${problem.kind}`)}: ${safeForTerminal(problem.detail)}`);
  return lines.join('\n');
}

function inventoryText(context: CliContext, inventory: ReleaseInventory): string {
  const lines = [context.t('cli.inventory.totals', { files: inventory.files, bytes: inventory.bytes, lines: inventory.lines })];
  lines.push(table([context.t('cli.column.language'), context.t('cli.column.files'), context.t('cli.column.lines')], inventory.languages.map((l) => [l.language, String(l.files), String(l.lines)])));
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', title, ...items.map((i) => `  ${safeForTerminal(i)}`));
  };
  section(context.t('inventory.buildFiles'), inventory.buildFiles.map((b) => `${b.path} (${b.system})`));
  section(context.t('inventory.licences'), inventory.licenceFiles);
  section(context.t('inventory.vendored'), inventory.vendoredFolders.map((v) => `${v.path}: ${v.files} / ${v.bytes} B`));
  section(context.t('inventory.binaries'), inventory.binaryFiles.map((b) => `${b.path} (${b.size} B)`));
  section(context.t('inventory.large'), inventory.largeFiles.map((b) => `${b.path} (${b.size} B)`));
  section(context.t('inventory.lfs'), inventory.lfsPointers.map((p) => `${p.path} → sha256:${p.oid} (${p.size} B)`));
  section(context.t('inventory.submodules'), inventory.submodules.map((s) => `${s.path} → ${s.url ?? '?'} @ ${s.commit} — ${s.deposited ? context.t('inventory.deposited', { component: s.component ?? '' }) : context.t('inventory.notDeposited')}`));
  return lines.join('\n');
}
