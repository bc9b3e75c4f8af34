import type { MessageKey } from '../../shared/i18n/index.js';
import type { OptionSpec, ParsedOptions } from './args.js';
import type { CliContext } from './cli-context.js';

export interface CommandOutcome {
  /** The one JSON document printed with --json. */
  json: unknown;
  /** What a person reads without --json (already terminal-safe). */
  human: string;
  exitCode?: 0 | 1 | 2 | 3;
}

export interface CommandSpec {
  words: readonly string[];
  /** Usage after the command words, e.g. `NAME SOURCE`. */
  usage: string;
  summary: MessageKey;
  options?: readonly OptionSpec[];
  positionals: { min: number; max: number };
  run(context: CliContext, options: ParsedOptions): Promise<CommandOutcome>;
}
