import { AppError } from '../../../shared/errors.js';
import { redactSecrets } from '../../../shared/redact.js';

export const GITHUB_API_URL = 'https://api.github.com';

/** Where the REST API of a GitHub or GitHub Enterprise server lives, e.g. `https://ghe.example.kz/api/v3`. */
export interface GithubApiAddress {
  /** Without a trailing slash, as Octokit expects it. */
  baseUrl: string;
  /** Scheme, host and port: where the token may be sent, and what messages name. */
  origin: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The token is sent to this address, so it must be https; plain http only to the loopback interface (a
 * local test server or tunnel). Credentials, queries and fragments have no place in an API base.
 */
export function parseGithubApiAddress(input: string | undefined): GithubApiAddress {
  const text = (input ?? GITHUB_API_URL).trim();
  const refuse = () => new AppError('INVALID_INPUT', 'error.github.baseUrl', { url: redactSecrets(text) });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse();
  }
  const allowedScheme = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!allowedScheme || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '' || /[\s\u0000-\u001f]/.test(text)) {
    throw refuse();
  }
  return { baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}
