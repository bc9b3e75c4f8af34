import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract/index.js';
import type { ProgressEvent } from '../../shared/contract/events.js';

export interface CallContext {
  /** The person the call is made as (the face reports it; identities replace this with a key in the trust issue). */
  actor: string;
  signal: AbortSignal;
  operationId: string | null;
  progress(event: Omit<ProgressEvent, 'type' | 'operationId' | 'method'>): void;
  cancel(operationId: string): boolean;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** The handlers one domain module provides. */
export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
