import { AppError } from '../../../shared/errors.js';
import type { CoreSettings } from '../settings.js';
import type { CredentialSource } from './git-credentials.js';

/**
 * The extra environment one git process needs to reach a source: credentials as a URL-scoped HTTP header
 * passed through GIT_CONFIG_* variables (never on the command line, where other users could read it, and
 * never sent to another host after a redirect), a private CA for internal servers, an ssh key.
 */
export async function transferEnvironment(
  source: string,
  credentials: CredentialSource,
  settings: Pick<CoreSettings, 'gitCaFile' | 'sshKey' | 'sshKnownHosts'>,
): Promise<Record<string, string>> {
  const config: Array<[string, string]> = [];
  const extra: Record<string, string> = {};
  const url = parseUrl(source);
  if (url?.protocol === 'https:') {
    const found = await credentials.lookup(url.hostname);
    if (found) {
      const token = Buffer.from(`${found.username}:${found.secret}`).toString('base64');
      config.push([`http.${url.origin}/.extraHeader`, `Authorization: Basic ${token}`]);
    }
    if (settings.gitCaFile) config.push(['http.sslCAInfo', settings.gitCaFile]);
  }
  if (isSsh(source) && settings.sshKey) {
    const knownHosts = settings.sshKnownHosts ? ` -o UserKnownHostsFile=${shellQuote(settings.sshKnownHosts)}` : '';
    extra['GIT_SSH_COMMAND'] = `ssh -o BatchMode=yes -o ConnectTimeout=30 -o IdentitiesOnly=yes -i ${shellQuote(settings.sshKey)}${knownHosts}`;
  }
  if (config.length > 0) {
    extra['GIT_CONFIG_COUNT'] = String(config.length);
    config.forEach(([key, value], i) => {
      extra[`GIT_CONFIG_KEY_${i}`] = key;
      extra[`GIT_CONFIG_VALUE_${i}`] = value;
    });
  }
  return extra;
}

function parseUrl(source: string): URL | null {
  try {
    return new URL(source);
  } catch {
    return null;
  }
}

function isSsh(source: string): boolean {
  return source.startsWith('ssh://') || /^[^/:]+@[^/:]+:/.test(source);
}

/** GIT_SSH_COMMAND is run by a shell: quote the path, and refuse what cannot be quoted safely. */
function shellQuote(path: string): string {
  if (/['\n\r\0]/.test(path)) throw new AppError('INVALID_INPUT', 'error.credentials.badPath', { path });
  return `'${path}'`;
}
