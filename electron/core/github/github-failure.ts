import { AppError } from '../../../shared/errors.js';
import { ForeignAddressError, type GithubClient } from './github-client.js';

/** What Octokit throws for a failed request: `response` is absent when no answer arrived at all. */
interface HttpFailure extends Error {
  status: number;
  response?: { status: number; headers: Record<string, string | number | undefined>; data: unknown };
}

export function isHttpFailure(error: unknown): error is HttpFailure {
  return error instanceof Error && error.name === 'HttpError' && typeof (error as { status?: unknown }).status === 'number';
}

export function httpStatusOf(error: unknown): number | null {
  return isHttpFailure(error) && error.response ? error.response.status : null;
}

/** Turn a failure met while listing the repositories of `org` into an API error that names what to do. */
export function githubFailureToAppError(error: unknown, client: GithubClient, org: string): unknown {
  if (client.signal.aborted) return new AppError('CANCELLED', 'error.cancelled');
  if (error instanceof AppError || !isHttpFailure(error)) return error;
  const host = client.address.origin;
  const foreign = causes(error).find((c): c is ForeignAddressError => c instanceof ForeignAddressError);
  if (foreign) return new AppError('UNAVAILABLE', 'error.github.badResponse', { host, detail: client.scrub(foreign.message) });
  if (!error.response) {
    if (causes(error).some((c) => c.name === 'TimeoutError')) {
      return new AppError('UNAVAILABLE', 'error.github.timeout', { host, seconds: Math.max(1, Math.ceil(client.timeoutMs / 1000)) });
    }
    return new AppError('UNAVAILABLE', 'error.github.unreachable', { host, detail: client.scrub(networkDetail(error)) });
  }
  const { status, headers } = error.response;
  const params = { host, org, status, detail: client.scrub(error.message) };
  const reset = resetTime(headers['x-ratelimit-reset']);
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0' && reset !== null) {
    return new AppError('UNAVAILABLE', 'error.github.rateLimited', { host, reset }, { status, resetAt: reset });
  }
  if (status === 429 || (status === 403 && headers['retry-after'] !== undefined)) {
    return new AppError('UNAVAILABLE', 'error.github.throttled', { host, seconds: Number(headers['retry-after'] ?? 60) || 60 }, { status });
  }
  switch (status) {
    case 401:
      return new AppError('UNAUTHORIZED', 'error.github.unauthorized', params, { status });
    case 403:
      return new AppError('FORBIDDEN', 'error.github.forbidden', params, { status });
    case 404:
      return new AppError('NOT_FOUND', 'error.github.notFound', { host, org }, { status });
    default:
      return new AppError('UNAVAILABLE', 'error.github.failed', params, { status });
  }
}

/** GitHub sends the reset as Unix seconds; people read an ISO date-time. */
function resetTime(value: string | number | undefined): string | null {
  const seconds = Number(value);
  return value === undefined || !Number.isFinite(seconds) || seconds <= 0 ? null : new Date(seconds * 1000).toISOString();
}

/** Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND) in the cause chain. */
function networkDetail(error: Error): string {
  const coded = causes(error).find((c): c is Error & { code: string } => typeof (c as { code?: unknown }).code === 'string');
  return coded ? `${coded.code}: ${coded.message}` : error.message;
}

function causes(error: Error): Error[] {
  const chain: Error[] = [];
  for (let c: unknown = error.cause; c instanceof Error && chain.length < 10; c = c.cause) chain.push(c);
  return chain;
}
