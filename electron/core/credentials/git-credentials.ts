import { AppError } from '../../../shared/errors.js';

/** What a private remote needs: a user name and a token or password. Never stored in the database. */
export interface GitCredentials {
  username: string;
  secret: string;
}

export interface CredentialEntry {
  /** The host the credentials are for; '*' for the environment's catch-all token. */
  host: string;
  username: string;
  origin: 'environment' | 'keychain';
  /** For environment credentials: the variable that holds them. */
  variable: string | null;
}

/**
 * Where credentials come from. The CLI and web mode read the environment; the desktop app adds the OS
 * keychain (Electron safeStorage) in front of it.
 */
export interface CredentialSource {
  lookup(host: string): Promise<GitCredentials | null>;
  list(): Promise<CredentialEntry[]>;
  store(host: string, credentials: GitCredentials): Promise<void>;
  remove(host: string): Promise<boolean>;
}

/** ESCROW_GIT_TOKEN_<HOST> (host upper-cased, other characters as _), then ESCROW_GIT_TOKEN, GITHUB_TOKEN for github.com. */
export class EnvironmentCredentials implements CredentialSource {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async lookup(host: string): Promise<GitCredentials | null> {
    const suffix = host.toUpperCase().replace(/[^A-Z0-9]/g, '_');
    const secret = this.env[`ESCROW_GIT_TOKEN_${suffix}`] ?? this.env['ESCROW_GIT_TOKEN'] ?? (host === 'github.com' ? this.env['GITHUB_TOKEN'] : undefined);
    if (!secret) return null;
    const username = this.env[`ESCROW_GIT_USERNAME_${suffix}`] ?? this.env['ESCROW_GIT_USERNAME'] ?? 'x-access-token';
    return { username, secret };
  }

  async list(): Promise<CredentialEntry[]> {
    const entries: CredentialEntry[] = [];
    for (const variable of Object.keys(this.env).sort()) {
      const match = /^ESCROW_GIT_TOKEN(?:_(.+))?$/.exec(variable);
      if (!match || !this.env[variable]) continue;
      const suffix = match[1];
      const username = (suffix ? this.env[`ESCROW_GIT_USERNAME_${suffix}`] : undefined) ?? this.env['ESCROW_GIT_USERNAME'] ?? 'x-access-token';
      // The variable name cannot tell "." from "-", so the host is shown as the variable spells it.
      entries.push({ host: suffix ? suffix.toLowerCase() : '*', username, origin: 'environment', variable });
    }
    if (this.env['GITHUB_TOKEN']) entries.push({ host: 'github.com', username: 'x-access-token', origin: 'environment', variable: 'GITHUB_TOKEN' });
    return entries;
  }

  async store(): Promise<void> {
    throw new AppError('FORBIDDEN', 'error.credentials.environmentOnly');
  }

  async remove(): Promise<boolean> {
    throw new AppError('FORBIDDEN', 'error.credentials.environmentOnly');
  }
}
