/**
 * Credentials can reach us inside remote URLs (https://user:token@host/…) and inside git's stderr.
 * Everything that is logged, stored or shown passes through here first.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^/@\s]+)@/gi;
const AUTH_HEADER = /\b(authorization:\s*(?:bearer|token|basic)\s+)[^\s'"]+/gi;
const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

export function redactSecrets(text: string): string {
  return text
    .replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => {
      // An ssh user name ("git@") is not a secret and helps people read errors; any password is.
      const user = userinfo.split(':')[0] ?? '';
      const keep = scheme.toLowerCase() === 'ssh' && !userinfo.includes(':') ? user : '***';
      return `${scheme}://${keep}@`;
    })
    .replace(AUTH_HEADER, '$1***')
    .replace(GITHUB_TOKEN, '***');
}
