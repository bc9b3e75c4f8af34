import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { CredentialEntry, CredentialSource, GitCredentials } from './git-credentials.js';

/** The OS keychain's encryption, as Electron's safeStorage offers it. */
export interface Cipher {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

const storedSchema = z.record(z.string(), z.strictObject({ username: z.string(), secret: z.string() }));

/**
 * Credentials people enter in the desktop app: each secret encrypted by the OS keychain and kept in the
 * workspace's keys/ folder (never in the database), written atomically. Lookups fall back to `fallback`
 * (the environment) for hosts not stored here.
 */
export class KeychainCredentials implements CredentialSource {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
    private readonly fallback: CredentialSource,
  ) {}

  async lookup(host: string): Promise<GitCredentials | null> {
    const entry = (await this.read())[host.toLowerCase()];
    if (!entry) return this.fallback.lookup(host);
    return { username: entry.username, secret: this.cipher.decrypt(Buffer.from(entry.secret, 'base64')) };
  }

  async list(): Promise<CredentialEntry[]> {
    const stored = Object.entries(await this.read()).map(([host, e]) => ({ host, username: e.username, origin: 'keychain' as const, variable: null }));
    return [...stored, ...(await this.fallback.list())];
  }

  async store(host: string, credentials: GitCredentials): Promise<void> {
    if (!this.cipher.isAvailable()) throw new AppError('UNAVAILABLE', 'error.credentials.keychainUnavailable');
    const stored = await this.read();
    stored[host.toLowerCase()] = { username: credentials.username, secret: this.cipher.encrypt(credentials.secret).toString('base64') };
    await this.write(stored);
  }

  async remove(host: string): Promise<boolean> {
    const stored = await this.read();
    if (!(host.toLowerCase() in stored)) return false;
    delete stored[host.toLowerCase()];
    await this.write(stored);
    return true;
  }

  private async read(): Promise<z.infer<typeof storedSchema>> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => null);
    return text === null ? {} : storedSchema.parse(JSON.parse(text));
  }

  private async write(stored: z.infer<typeof storedSchema>): Promise<void> {
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await fs.writeFile(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(temp, this.file);
  }
}
