import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FINDING_STATUSES, SEVERITIES, type Finding, type FindingStatus, type Severity } from '../../../shared/contract/findings.js';
import { AppError } from '../../../shared/errors.js';
import { single } from '../args.js';
import type { CliContext } from '../cli-context.js';
import type { CommandSpec } from '../command.js';
import { table } from '../table.js';
import { safeForTerminal } from '../terminal-text.js';
import { parseLines } from './review-commands.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A finding as people name it: its id, or `COMPONENT/F-12` as lists show it. */
async function findingId(context: CliContext, text: string): Promise<string> {
  if (UUID.test(text)) return text;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]{0,99})\/F-([1-9]\d{0,8})$/.exec(text);
  if (!match) throw new AppError('INVALID_INPUT', 'error.cli.findingId', { value: text });
  const { findings } = await context.call('finding.list', { component: match[1]! });
  const found = findings.find((f) => f.number === Number(match[2]));
  if (!found) throw new AppError('NOT_FOUND', 'error.finding.notFound', { id: text });
  return found.id;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new AppError('INVALID_INPUT', 'error.cli.oneOf', { option, value, allowed: allowed.join(', ') });
  return value as T;
}

function findingRow(f: Finding): string[] {
  const where = f.locations[0] ? `${f.locations[0].placement?.path ?? f.locations[0].anchor.path}:${f.locations[0].placement?.startLine ?? f.locations[0].anchor.startLine}` : '';
  return [`${f.component}/F-${f.number}`, f.severity, f.status, f.cwe ? `CWE-${f.cwe.id}` : '', safeForTerminal(where), safeForTerminal(f.title)];
}

function findingTable(context: CliContext, findings: readonly Finding[]): string {
  return table(
    ['ID', context.t('cli.finding.column.severity'), context.t('cli.review.column.status'), 'CWE', context.t('cli.review.column.path'), context.t('cli.finding.column.title')],
    findings.map(findingRow),
  );
}

export const findingCommands: CommandSpec[] = [
  {
    words: ['finding', 'add'],
    usage: 'NAME REF PATH --lines A-B --severity S --title T [--cwe N] [--cvss VECTOR] [--description TEXT]',
    summary: 'cli.finding.command.add',
    options: ['lines', 'severity', 'title', 'cwe', 'cvss', 'description'].map((name) => ({ name, value: true })),
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', file = ''] = options.positionals;
      const title = single(options, 'title');
      const severity = single(options, 'severity');
      if (title === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--title' });
      if (severity === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--severity' });
      const cwe = single(options, 'cwe');
      const cvss = single(options, 'cvss');
      const finding = await context.call(
        'finding.add',
        {
          component,
          ref,
          title,
          severity: oneOf<Severity>(severity, SEVERITIES, '--severity'),
          description: single(options, 'description') ?? '',
          locations: [{ path: file, ...parseLines(single(options, 'lines')) }],
          ...(cwe === undefined ? {} : { cwe }),
          ...(cvss === undefined ? {} : { cvss }),
        },
        { write: true },
      );
      return { json: finding, human: findingTable(context, [finding]) };
    },
  },
  {
    words: ['finding', 'list'],
    usage: '[NAME] [--ref R] [--status S]… [--severity S]…',
    summary: 'cli.finding.command.list',
    options: [{ name: 'ref', value: true }, { name: 'status', value: true, repeat: true }, { name: 'severity', value: true, repeat: true }],
    positionals: { min: 0, max: 1 },
    async run(context, options) {
      const [component] = options.positionals;
      const ref = single(options, 'ref');
      const status = (options.values.get('status') ?? []).map((s) => oneOf<FindingStatus>(s, FINDING_STATUSES, '--status'));
      const severity = (options.values.get('severity') ?? []).map((s) => oneOf<Severity>(s, SEVERITIES, '--severity'));
      const { findings } = await context.call('finding.list', {
        ...(component === undefined ? {} : { component }),
        ...(ref === undefined ? {} : { ref }),
        ...(status.length ? { status } : {}),
        ...(severity.length ? { severity } : {}),
      });
      return { json: { findings }, human: findings.length === 0 ? context.t('cli.finding.none') : findingTable(context, findings) };
    },
  },
  {
    words: ['finding', 'set-status'],
    usage: 'ID STATUS [--comment TEXT] [--ref R]',
    summary: 'cli.finding.command.setStatus',
    options: [{ name: 'comment', value: true }, { name: 'ref', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [idText = '', statusText = ''] = options.positionals;
      const status = oneOf(statusText, FINDING_STATUSES.filter((s) => s !== 'risk-accepted'), 'STATUS');
      const ref = single(options, 'ref');
      const finding = await context.call(
        'finding.setStatus',
        { id: await findingId(context, idText), status, comment: single(options, 'comment') ?? '', ...(ref === undefined ? {} : { ref }) },
        { write: true },
      );
      return { json: finding, human: findingTable(context, [finding]) };
    },
  },
  {
    words: ['finding', 'accept-risk'],
    usage: 'ID --justification TEXT --expires YYYY-MM-DD',
    summary: 'cli.finding.command.acceptRisk',
    options: [{ name: 'justification', value: true }, { name: 'expires', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const justification = single(options, 'justification');
      const expiresOn = single(options, 'expires');
      if (justification === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--justification' });
      if (expiresOn === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: '--expires' });
      const finding = await context.call('finding.requestRisk', { id: await findingId(context, options.positionals[0] ?? ''), justification, expiresOn }, { write: true });
      return { json: finding, human: findingTable(context, [finding]) };
    },
  },
  {
    words: ['finding', 'approve-risk'],
    usage: 'ID [--comment TEXT]',
    summary: 'cli.finding.command.approveRisk',
    options: [{ name: 'comment', value: true }],
    positionals: { min: 1, max: 1 },
    async run(context, options) {
      const finding = await context.call('finding.approveRisk', { id: await findingId(context, options.positionals[0] ?? ''), comment: single(options, 'comment') ?? '' }, { write: true });
      return { json: finding, human: findingTable(context, [finding]) };
    },
  },
  {
    words: ['sarif', 'import'],
    usage: 'NAME REF FILE',
    summary: 'cli.finding.command.sarifImport',
    positionals: { min: 3, max: 3 },
    async run(context, options) {
      const [component = '', ref = '', file = ''] = options.positionals;
      const result = await context.call('sarif.import', { component, ref, file: path.resolve(file) }, { write: true });
      const skipped = result.skipped.slice(0, 20).map((s) => `  #${s.index}: ${safeForTerminal(s.reason)}`);
      return { json: result, human: [context.t('cli.finding.imported', { results: result.results, created: result.created, updated: result.updated, noLongerReported: result.noLongerReported, skippedCount: result.skipped.length }), ...skipped].join('\n') };
    },
  },
  {
    words: ['sarif', 'export'],
    usage: 'NAME REF [-o FILE]',
    summary: 'cli.finding.command.sarifExport',
    options: [{ name: 'o', value: true }],
    positionals: { min: 2, max: 2 },
    async run(context, options) {
      const [component = '', ref = ''] = options.positionals;
      const { sarif } = await context.call('sarif.export', { component, ref });
      const text = `${JSON.stringify(sarif, null, 2)}\n`;
      const out = single(options, 'o');
      if (out === undefined) return { json: sarif, human: text.trimEnd() };
      await fs.writeFile(path.resolve(out), text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? new AppError('CONFLICT', 'error.cli.outputExists', { file: out }) : error;
      });
      return { json: { file: path.resolve(out) }, human: path.resolve(out) };
    },
  },
];
