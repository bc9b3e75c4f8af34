import { z } from 'zod';
import { translate, type MessageKey } from './i18n/index.js';
import type { MessageParams } from './i18n/format.js';

/** Error codes that cross every boundary (HTTP, IPC, CLI --json). Stable: outsiders script against them. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'LOCKED',
  'INTEGRITY',
  'UNAVAILABLE',
  'CANCELLED',
  'GIT_FAILED',
  'INCOMPATIBLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const wireErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type WireError = z.infer<typeof wireErrorSchema>;

/**
 * An error a person can meet. It carries a catalog key and parameters, so each face renders it in the
 * reader's language; `message` is the English text for logs and scripts.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, messageKey: MessageKey, params: MessageParams = {}, details: Record<string, unknown> = {}) {
    super(translate('en', messageKey, params));
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }

  /** An error that already crossed a boundary, raised again with its code and catalog key intact. */
  static fromWire(wire: WireError): AppError {
    const key = wire.details['messageKey'];
    const params = wire.details['params'];
    const error = new AppError(wire.code, (typeof key === 'string' ? key : 'error.internal') as MessageKey, isMessageParams(params) ? params : { detail: wire.message });
    Object.assign(error.details, wire.details);
    return error;
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, details: { ...this.details, messageKey: this.messageKey, params: this.params } };
  }
}

/** Render a wire error in the reader's language when it carries a known catalog key. */
export function localizeWireError(error: WireError, locale: string): string {
  const key = error.details['messageKey'];
  const params = error.details['params'];
  if (typeof key === 'string' && isMessageParams(params)) {
    const text = translate(locale, key as MessageKey, params);
    if (text !== key) return text;
  }
  return error.message;
}

function isMessageParams(value: unknown): value is MessageParams {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}
