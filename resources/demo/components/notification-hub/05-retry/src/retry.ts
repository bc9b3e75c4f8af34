/**
 * Retry with exponential backoff and full jitter, for calls to external providers (SMS
 * aggregator, SMTP, push). Errors marked permanent are not retried.
 */
export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isPermanent?: (error: unknown) => boolean;
  /** For tests: replaces setTimeout-based sleeping and Math.random. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      lastError = error;
      if (options.isPermanent?.(error) || attempt === options.attempts) break;
      await sleep(backoffDelay(attempt, options, options.random));
    }
  }
  throw lastError;
}
