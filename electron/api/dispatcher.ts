import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { apiContract, isMethodName, type MethodName } from '../../shared/contract/index.js';
import { personNameSchema } from '../../shared/domain/names.js';
import { AppError, type WireError } from '../../shared/errors.js';
import type { EventBus } from '../core/event-bus.js';
import type { CallContext, HandlerTable } from './handlers.js';

export type InvokeResult = { ok: true; result: unknown } | { ok: false; error: WireError };

export interface DispatcherOptions {
  handlers: HandlerTable;
  events: EventBus;
  writable: boolean;
  /** Check every result against its output schema (tests turn this on to catch contract drift). */
  validateOutput?: boolean;
  log?: (message: string) => void;
  /** Who a call is made as when its transport names nobody (the CLI's --as, else the OS user). */
  defaultActor?: string;
  /** The permission matrix check (core AccessControl); refuses a call the actor may not make. */
  authorize?: (method: MethodName, actor: string) => Promise<void>;
}

export interface InvokeOptions {
  /** The person a transport says the call is made as; checked like any other input. */
  actor?: string;
}

/**
 * The single entry point of every transport: looks the method up, validates the payload against its zod
 * schema, runs the handler with a cancellable context, and turns every failure into a wire error.
 */
export class Dispatcher {
  private readonly operations = new Map<string, AbortController>();

  constructor(private readonly options: DispatcherOptions) {}

  async invoke(method: string, payload: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    try {
      return { ok: true, result: await this.run(method, payload, options) };
    } catch (error) {
      return { ok: false, error: this.toWire(error, method) };
    }
  }

  cancelAll(): void {
    for (const controller of this.operations.values()) controller.abort();
  }

  private async run(method: string, payload: unknown, options: InvokeOptions): Promise<unknown> {
    if (!isMethodName(method)) throw new AppError('NOT_FOUND', 'error.api.unknownMethod', { method: method.slice(0, 100) });
    const actor = options.actor ?? this.options.defaultActor ?? 'unknown';
    if (!personNameSchema.safeParse(actor).success) throw new AppError('INVALID_INPUT', 'error.api.badPerson', { person: actor.slice(0, 64) });
    const spec = apiContract[method];
    // No payload at all means no arguments; `null` or anything else that is not the method's object is refused.
    const parsed = spec.input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) throw invalidInput(method, parsed.error);
    if (spec.mutates && !this.options.writable) throw new AppError('LOCKED', 'error.workspace.readonly');
    await this.options.authorize?.(method, actor);

    const input = parsed.data as { operationId?: string };
    const operationId = spec.long ? (input.operationId ?? randomUUID()) : null;
    if (operationId !== null && this.operations.has(operationId)) {
      throw new AppError('CONFLICT', 'error.operation.duplicate', { operationId });
    }
    const controller = new AbortController();
    if (operationId !== null) this.operations.set(operationId, controller);
    const context: CallContext = {
      actor,
      signal: controller.signal,
      operationId,
      progress: (event) => {
        if (operationId !== null) this.options.events.publish({ type: 'progress', operationId, method, ...event });
      },
      cancel: (id) => {
        const target = this.operations.get(id);
        target?.abort();
        return target !== undefined;
      },
    };
    try {
      const handler = this.options.handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      const result = await handler(parsed.data, context);
      if (this.options.validateOutput) {
        const checked = spec.output.safeParse(result);
        if (!checked.success) throw new Error(`output of ${method} breaks its schema: ${formatIssues(checked.error)}`);
      }
      return result;
    } finally {
      if (operationId !== null) this.operations.delete(operationId);
    }
  }

  private toWire(error: unknown, method: string): WireError {
    if (error instanceof AppError) return error.toWire();
    const detail = error instanceof Error ? error.message : String(error);
    this.options.log?.(`internal error in ${method}: ${error instanceof Error ? (error.stack ?? detail) : detail}`);
    return new AppError('INTERNAL', 'error.internal', { detail }).toWire();
  }
}

function invalidInput(method: MethodName, error: z.ZodError): AppError {
  return new AppError('INVALID_INPUT', 'error.input.invalid', { method, issues: formatIssues(error) }, {
    issues: error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}
