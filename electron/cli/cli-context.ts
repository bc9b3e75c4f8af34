import { localizeWireError, type ErrorCode, type WireError } from '../../shared/errors.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { translate, type MessageKey } from '../../shared/i18n/index.js';
import type { MessageParams } from '../../shared/i18n/format.js';
import type { Dispatcher } from '../api/dispatcher.js';
import { createCoreDispatcher } from '../api/core-dispatcher.js';
import { cliPassphrases } from './passphrase-prompt.js';
import { Workspace } from '../core/workspace/workspace.js';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

export interface CliGlobals {
  workspace: string;
  json: boolean;
  as: string | undefined;
  locale: string;
}

/** A failure that crosses the CLI as an error document and an exit code. */
export class CliFailure extends Error {
  constructor(readonly error: WireError) {
    super(error.message);
  }
}

const INPUT_ERRORS: readonly ErrorCode[] = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'];

export function exitCodeFor(code: ErrorCode): 1 | 2 {
  return INPUT_ERRORS.includes(code) ? 1 : 2;
}

/** What every command gets: globals, output streams, translation and the core behind the dispatcher. */
export class CliContext {
  private opened: { workspace: Workspace; dispatcher: Dispatcher } | null = null;

  constructor(
    readonly globals: CliGlobals,
    readonly io: CliIO,
    readonly signal: AbortSignal,
  ) {}

  t(key: MessageKey, params: MessageParams = {}): string {
    return translate(this.globals.locale, key, params);
  }

  localize(error: WireError): string {
    return localizeWireError(error, this.globals.locale);
  }

  /** Open the workspace once; commands that change anything take its lock. */
  async workspace(write: boolean): Promise<{ workspace: Workspace; dispatcher: Dispatcher }> {
    if (this.opened && (!write || this.opened.workspace.writable)) return this.opened;
    if (this.opened) await this.opened.workspace.close();
    const workspace = await Workspace.open(this.globals.workspace, { face: 'cli', write });
    const { dispatcher } = await createCoreDispatcher(workspace, {
      actor: this.globals.as,
      passphrases: cliPassphrases((person) => this.t('cli.passphrasePrompt', { name: person })),
      log: (message) => this.io.stderr.write(`${message}\n`),
    });
    this.opened = { workspace, dispatcher };
    return this.opened;
  }

  adopt(workspace: Workspace, dispatcher: Dispatcher): void {
    this.opened = { workspace, dispatcher };
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>, options: { write?: boolean } = {}): Promise<MethodOutput<M>> {
    const { dispatcher } = await this.workspace(options.write ?? false);
    // Ctrl+C cancels whatever long operation is running, through the same path the UI uses.
    const onAbort = () => dispatcher.cancelAll();
    this.signal.addEventListener('abort', onAbort, { once: true });
    const outcome = await dispatcher.invoke(method, input).finally(() => this.signal.removeEventListener('abort', onAbort));
    if (!outcome.ok) throw new CliFailure(outcome.error);
    return outcome.result as MethodOutput<M>;
  }

  async close(): Promise<void> {
    await this.opened?.workspace.close();
    this.opened = null;
  }
}
