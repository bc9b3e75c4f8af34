import { AppError } from '../../shared/errors.js';

/**
 * Command-line parsing: global options anywhere, then the longest matching command words, then that
 * command's own options and positionals. Unknown options are errors, never silently ignored.
 */
export interface OptionSpec {
  name: string;
  /** Takes a value (`--name VALUE` or `--name=VALUE`). */
  value?: boolean;
  /** May be given more than once; values are collected. */
  repeat?: boolean;
}

export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string[]>;
  positionals: string[];
}

export class UsageError extends Error {
  constructor(readonly key: 'cli.usage.unknownOption' | 'cli.usage.missingValue' | 'cli.usage.unknownCommand' | 'cli.usage.missingArgument' | 'cli.usage.extraArgument' | 'cli.usage.repeated' | 'cli.usage.noCommand', readonly params: Record<string, string>) {
    super(key);
  }
}

export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const parsed: ParsedOptions = { flags: new Set(), values: new Map(), positionals: [] };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    // A one-letter option (`-o FILE`) is written with one dash, as DESIGN.md's commands show.
    if (!onlyPositionals && /^-[A-Za-z]$/.test(arg) && byName.has(arg.slice(1))) arg = `-${arg}`;
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      if (!onlyPositionals && arg.startsWith('-') && arg !== '-' && arg.length > 1 && !/^-\d/.test(arg)) {
        throw new UsageError('cli.usage.unknownOption', { option: arg });
      }
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError('cli.usage.unknownOption', { option: `--${name}` });
    if (!spec.value) {
      if (eq !== -1) throw new UsageError('cli.usage.unknownOption', { option: arg });
      parsed.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined) throw new UsageError('cli.usage.missingValue', { option: `--${name}` });
    const list = parsed.values.get(name) ?? [];
    if (list.length > 0 && !spec.repeat) throw new UsageError('cli.usage.repeated', { option: `--${name}` });
    list.push(value);
    parsed.values.set(name, list);
  }
  return parsed;
}

export function single(options: ParsedOptions, name: string): string | undefined {
  return options.values.get(name)?.[0];
}

export function all(options: ParsedOptions, name: string): string[] {
  return options.values.get(name) ?? [];
}

/** The value of an option the command cannot do without. */
export function required(options: ParsedOptions, name: string): string {
  const value = single(options, name);
  if (value === undefined) throw new AppError('INVALID_INPUT', 'error.cli.optionRequired', { option: `--${name}` });
  return value;
}
