import fs from 'node:fs/promises';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { Cipher } from '../credentials/keychain-credentials.js';
import { decryptPrivateKey, encryptPrivateKey, newKeyPair, publicIdentityOf, type PublicIdentity } from './keys.js';

/** How a private key file is protected: a passphrase (CLI, web mode) or the OS keychain through Electron's safeStorage. */
export type KeyProtection = 'passphrase' | 'safe-storage';

/** Electron's safeStorage, handed in by the main process; absent in the CLI and web mode. */
export type SafeStorage = Cipher;

export interface LocalIdentity extends PublicIdentity {
  name: string;
  protection: KeyProtection;
  createdAt: string;
}

interface IdentityFile extends LocalIdentity {
  version: 1;
  /** Encrypted PKCS#8 PEM, or base64 of safeStorage's ciphertext of the plain PKCS#8 PEM. */
  privateKey: string;
}

/**
 * The private keys of the people who work on this machine, one file per key in the workspace's `keys/`
 * folder (named by key id, never by the person's name), each encrypted; the private key never leaves it.
 */
export class IdentityStore {
  constructor(
    private readonly folder: string,
    private readonly safeStorage: SafeStorage | null = null,
  ) {}

  async list(): Promise<LocalIdentity[]> {
    const names = await fs.readdir(this.folder).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
    const identities: LocalIdentity[] = [];
    for (const file of names.filter((n) => /^[0-9a-f]{64}\.identity\.json$/.test(n)).sort()) {
      const { privateKey: _secret, version: _v, ...identity } = await this.read(path.join(this.folder, file));
      identities.push(identity);
    }
    return identities.sort((a, b) => a.name.localeCompare(b.name));
  }

  async find(name: string): Promise<LocalIdentity | undefined> {
    return (await this.list()).find((i) => i.name === name);
  }

  /** Make a key pair for `name` on this machine; refuses a second local key for the same name. */
  async create(name: string, secret: { passphrase: string } | { safeStorage: true }): Promise<{ identity: LocalIdentity; privateKey: KeyObject }> {
    if (await this.find(name)) throw new AppError('CONFLICT', 'error.identity.exists', { name });
    const { privateKey } = newKeyPair();
    const identity: LocalIdentity = { name, ...publicIdentityOf(privateKey), protection: 'passphrase' in secret ? 'passphrase' : 'safe-storage', createdAt: new Date().toISOString() };
    let protectedKey: string;
    if ('passphrase' in secret) {
      protectedKey = encryptPrivateKey(privateKey, secret.passphrase);
    } else {
      if (!this.safeStorage?.isAvailable()) throw new AppError('UNAVAILABLE', 'error.identity.noSafeStorage', {});
      protectedKey = this.safeStorage.encrypt(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string).toString('base64');
    }
    const file: IdentityFile = { version: 1, ...identity, privateKey: protectedKey };
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const target = path.join(this.folder, `${identity.keyid}.identity.json`);
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await fs.rename(temp, target);
    return { identity, privateKey };
  }

  /** Open `name`'s private key with a passphrase (or safeStorage for keys it protects). */
  async unlock(name: string, passphrase: string | undefined): Promise<KeyObject> {
    const identity = await this.find(name);
    if (!identity) throw new AppError('NOT_FOUND', 'error.identity.noLocalKey', { name });
    const file = await this.read(path.join(this.folder, `${identity.keyid}.identity.json`));
    let key: KeyObject;
    if (file.protection === 'safe-storage') {
      if (!this.safeStorage?.isAvailable()) throw new AppError('UNAVAILABLE', 'error.identity.noSafeStorage', {});
      key = decryptPrivateKey(this.safeStorage.decrypt(Buffer.from(file.privateKey, 'base64')), '');
    } else {
      if (passphrase === undefined) throw new AppError('UNAUTHORIZED', 'error.identity.locked', { name }, { person: name });
      key = decryptPrivateKey(file.privateKey, passphrase);
    }
    if (publicIdentityOf(key).keyid !== file.keyid) throw new AppError('INTEGRITY', 'error.identity.keyMismatch', { name });
    return key;
  }

  private async read(file: string): Promise<IdentityFile> {
    let parsed: IdentityFile;
    try {
      parsed = JSON.parse(await fs.readFile(file, 'utf8')) as IdentityFile;
    } catch {
      throw new AppError('INTEGRITY', 'error.identity.badFile', { file: path.basename(file) });
    }
    if (parsed.version !== 1 || typeof parsed.name !== 'string' || typeof parsed.privateKey !== 'string' || !/^[0-9a-f]{64}$/.test(parsed.keyid)) {
      throw new AppError('INTEGRITY', 'error.identity.badFile', { file: path.basename(file) });
    }
    return parsed;
  }
}
