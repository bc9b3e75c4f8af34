import type { KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { IdentityStore, LocalIdentity } from './identity-store.js';

/** Asks for a person's passphrase when their key is needed and not yet open (the CLI: ESCROW_PASSPHRASE or a prompt). */
export type PassphraseSource = (person: string) => Promise<string | undefined>;

export interface Signer {
  name: string;
  keyid: string;
  privateKey: KeyObject;
}

/**
 * The keys opened in this process, per person: several people can share one workstation, each opening
 * their own key. Nothing here is written anywhere; closing the process or `lock` forgets them.
 */
export class Keyring {
  private readonly open = new Map<string, Signer>();

  constructor(
    readonly store: IdentityStore,
    private readonly passphrases: PassphraseSource = async () => undefined,
  ) {}

  isUnlocked(name: string): boolean {
    return this.open.has(name);
  }

  async unlock(name: string, passphrase: string | undefined): Promise<LocalIdentity> {
    const identity = await this.store.find(name);
    if (!identity) throw new AppError('NOT_FOUND', 'error.identity.noLocalKey', { name });
    const privateKey = await this.store.unlock(name, passphrase);
    this.open.set(name, { name, keyid: identity.keyid, privateKey });
    return identity;
  }

  lock(name?: string): void {
    if (name === undefined) this.open.clear();
    else this.open.delete(name);
  }

  /** `name`'s open key, opening it through the passphrase source if it is not open yet. */
  async signer(name: string): Promise<Signer> {
    const open = this.open.get(name);
    if (open) return open;
    const identity = await this.store.find(name);
    if (!identity) throw new AppError('UNAUTHORIZED', 'error.identity.noLocalKey', { name }, { person: name, reason: 'no-key' });
    const passphrase = identity.protection === 'passphrase' ? await this.passphrases(name) : undefined;
    if (identity.protection === 'passphrase' && passphrase === undefined) throw new AppError('UNAUTHORIZED', 'error.identity.locked', { name }, { person: name, reason: 'locked' });
    await this.unlock(name, passphrase);
    return this.open.get(name)!;
  }

  /** Add a key made in this process (at `identity new`), already open. */
  remember(name: string, keyid: string, privateKey: KeyObject): void {
    this.open.set(name, { name, keyid, privateKey });
  }
}
