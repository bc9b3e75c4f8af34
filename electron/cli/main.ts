import path from 'node:path';
import { AppError, type WireError } from '../../shared/errors.js';
import { resolveLocale } from '../../shared/i18n/index.js';
import { APP_VERSION } from '../core/app-version.js';
import { defaultWorkspaceDir } from '../core/app-paths.js';
import { parseOptions, UsageError, type OptionSpec } from './args.js';
import { CliContext, CliFailure, exitCodeFor, type CliIO } from './cli-context.js';
import type { CommandOutcome, CommandSpec } from './command.js';
import { safeForTerminal } from './terminal-text.js';
import { codeCommands } from './commands/code-commands.js';
import { componentCommands } from './commands/component-commands.js';
import { depositCommands } from './commands/deposit-commands.js';
import { digestCommands } from './commands/digest-commands.js';
import { githubCommands } from './commands/github-commands.js';
import { historyCommands } from './commands/history-commands.js';
import { reviewCommands } from './commands/review-commands.js';
import { findingCommands } from './commands/finding-commands.js';
import { searchCommands } from './commands/search-commands.js';
import { workspaceCommands } from './commands/workspace-commands.js';
import { trustCommands } from './commands/trust-commands.js';
import { manifestCommands } from './commands/manifest-commands.js';
import { reportCommands } from './commands/report-commands.js';
import { ledgerCommands } from './commands/ledger-commands.js';

export const COMMANDS: readonly CommandSpec[] = [...trustCommands, ...manifestCommands, ...reportCommands, ...ledgerCommands, ...workspaceCommands, ...componentCommands, ...githubCommands, ...codeCommands, ...searchCommands, ...historyCommands, ...depositCommands, ...digestCommands, ...reviewCommands, ...findingCommands];

const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'workspace', value: true },
  { name: 'json' },
  { name: 'as', value: true },
  { name: 'lang', value: true },
  { name: 'help' },
  { name: 'version' },
];

/**
 * The command line: `escrow-workbench [--workspace DIR] [--json] [--as USER] <command>`. Returns the exit
 * code: 0 ok, 1 usage or input error, 2 operational failure, 3 a check found problems.
 */
export async function runCli(argv: readonly string[], io: CliIO, env: NodeJS.ProcessEnv = process.env, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  const json = globals.flags.has('json');
  const locale = resolveLocale(globals.values.get('lang')?.[0] ?? env['ESCROW_LANG'] ?? env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG'] ?? 'en');
  const workspaceArg = globals.values.get('workspace')?.[0];
  const context = new CliContext(
    { workspace: workspaceArg ? path.resolve(workspaceArg) : defaultWorkspaceDir(env), json, as: globals.values.get('as')?.[0], locale },
    io,
    signal,
  );
  try {
    if (globals.flags.has('version')) return print(context, { json: { version: APP_VERSION }, human: `escrow-workbench ${APP_VERSION}` });
    if (globals.flags.has('help') || rest.length === 0 || rest[0] === 'help') return print(context, { json: { commands: COMMANDS.map(usageLine) }, human: helpText(context) });
    const command = matchCommand(rest);
    if (!command) throw new UsageError('cli.usage.unknownCommand', { command: rest.slice(0, 2).join(' ') });
    const options = parseOptions(rest.slice(command.words.length), command.options ?? []);
    if (options.positionals.length < command.positionals.min) throw new UsageError('cli.usage.missingArgument', { usage: usageLine(command) });
    if (options.positionals.length > command.positionals.max) throw new UsageError('cli.usage.extraArgument', { argument: options.positionals[command.positionals.max] ?? '', usage: usageLine(command) });
    return print(context, await command.run(context, options));
  } catch (error) {
    return printError(context, error);
  } finally {
    await context.close().catch(() => undefined);
  }
}

function splitGlobals(argv: readonly string[]): { globals: ReturnType<typeof parseOptions>; rest: string[] } {
  const globalArgs: string[] = [];
  const rest: string[] = [];
  const byName = new Map(GLOBAL_OPTIONS.map((o) => [o.name, o]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : '';
    const spec = byName.get(name);
    if (!spec) {
      rest.push(arg);
      continue;
    }
    globalArgs.push(arg);
    if (spec.value && !arg.includes('=') && i + 1 < argv.length) globalArgs.push(argv[++i]!);
  }
  return { globals: parseOptions(globalArgs, GLOBAL_OPTIONS), rest };
}

function matchCommand(words: readonly string[]): CommandSpec | undefined {
  return [...COMMANDS]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => words[i] === w));
}

function usageLine(command: CommandSpec): string {
  return [...command.words, command.usage].filter(Boolean).join(' ');
}

/** Usage lines longer than this put their summary on the next line, so one long command does not widen all. */
const HELP_COLUMN = 52;

function helpText(context: CliContext): string {
  const width = Math.min(HELP_COLUMN, Math.max(...COMMANDS.map((c) => usageLine(c).length)));
  const lines = COMMANDS.map((c) => {
    const usage = usageLine(c);
    const summary = context.t(c.summary);
    return usage.length > width ? `  ${usage}\n  ${' '.repeat(width)}  ${summary}` : `  ${usage.padEnd(width)}  ${summary}`;
  });
  return [context.t('cli.help.usage'), '', ...lines, '', context.t('cli.help.globals')].join('\n');
}

function print(context: CliContext, outcome: CommandOutcome): number {
  if (outcome.json !== undefined && context.globals.json) context.io.stdout.write(`${JSON.stringify(outcome.json, null, 2)}\n`);
  else if (!context.globals.json && outcome.human !== '') context.io.stdout.write(`${outcome.human}\n`);
  return outcome.exitCode ?? 0;
}

function printError(context: CliContext, error: unknown): number {
  const wire = toWireError(context, error);
  if (context.globals.json) context.io.stdout.write(`${JSON.stringify({ error: wire }, null, 2)}\n`);
  // Messages can quote vendor text (paths, refs): escape sequences in it must not reach the terminal.
  else context.io.stderr.write(`${context.t('cli.errorPrefix')}: ${safeForTerminal(context.localize(wire), { keepNewlines: true })} [${wire.code}]\n`);
  return error instanceof UsageError ? 1 : exitCodeFor(wire.code);
}

function toWireError(context: CliContext, error: unknown): WireError {
  if (error instanceof CliFailure) return error.error;
  if (error instanceof AppError) return error.toWire();
  if (error instanceof UsageError) {
    const wire = new AppError('INVALID_INPUT', error.key, error.params).toWire();
    return { ...wire, message: context.t(error.key, error.params) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', 'error.internal', { detail }).toWire();
}

