import { Octokit } from '@octokit/rest';
import { redactSecrets } from '../../../shared/redact.js';
import { APP_VERSION } from '../app-version.js';
import type { GithubApiAddress } from './github-api-address.js';

export const REQUEST_TIMEOUT_MS = 60_000;

/** The token is read where it is used and never copied into options, results or messages. */
export function githubToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env['GITHUB_TOKEN']?.trim();
  return token === '' ? undefined : token;
}

/** Raised before a request leaves for another server than the API address (e.g. a forged `next` link). */
export class ForeignAddressError extends Error {
  constructor(readonly origin: string) {
    super(`refused to send a request to ${origin}`);
    this.name = 'ForeignAddressError';
  }
}

// Octokit warns through console by default; our faces print only what they choose to.
const SILENT_LOG = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** One Octokit for one operation: its token, its API address, its cancellation and a per-request timeout. */
export class GithubClient {
  readonly octokit: Octokit;

  constructor(
    readonly address: GithubApiAddress,
    private readonly token: string | undefined,
    readonly signal: AbortSignal,
    readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.octokit = new Octokit({
      auth: token,
      baseUrl: address.baseUrl,
      userAgent: `escrow-workbench/${APP_VERSION}`,
      log: SILENT_LOG,
      // Pagination drops per-call request options, so the signal lives in the defaults of every request.
      request: { signal, fetch: this.guardedFetch },
    });
  }

  /** Text that came from the network, safe to show, log or store. */
  scrub(text: string): string {
    const withoutToken = this.token ? text.replaceAll(this.token, '***') : text;
    return redactSecrets(withoutToken).slice(0, 500);
  }

  /** The token goes only to the API address, and no request waits forever. */
  private readonly guardedFetch = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = new URL(url instanceof Request ? url.url : url);
    if (target.origin !== this.address.origin) return Promise.reject(new ForeignAddressError(target.origin));
    const signals = [AbortSignal.timeout(this.timeoutMs), ...(init?.signal ? [init.signal] : [])];
    return fetch(url, { ...init, signal: AbortSignal.any(signals) });
  };
}
