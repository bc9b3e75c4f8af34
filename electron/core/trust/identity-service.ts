import type { LocalIdentityWire } from '../../../shared/contract/trust.js';
import type { Keyring } from './keyring.js';
import type { RosterService } from './roster-service.js';
import type { LocalIdentity } from './identity-store.js';

/** The people whose keys are on this machine, with their roster standing and whether their key is open. */
export class IdentityService {
  constructor(
    private readonly keyring: Keyring,
    private readonly roster: RosterService,
  ) {}

  async list(): Promise<{ identities: LocalIdentityWire[]; rosterEmpty: boolean }> {
    const people = await this.roster.list();
    const identities = await this.keyring.store.list();
    return { identities: identities.map((i) => this.describe(i, people)), rosterEmpty: people.length === 0 };
  }

  async create(name: string, passphrase: string): Promise<LocalIdentityWire> {
    const { identity, privateKey } = await this.keyring.store.create(name, { passphrase });
    this.keyring.remember(name, identity.keyid, privateKey);
    return this.describe(identity, await this.roster.list());
  }

  async unlock(name: string, passphrase: string): Promise<LocalIdentityWire> {
    const identity = await this.keyring.unlock(name, passphrase);
    return this.describe(identity, await this.roster.list());
  }

  lock(name?: string): { locked: boolean } {
    this.keyring.lock(name);
    return { locked: true };
  }

  private describe(identity: LocalIdentity, people: Awaited<ReturnType<RosterService['list']>>): LocalIdentityWire {
    const person = people.find((p) => p.keyid === identity.keyid);
    return { ...identity, unlocked: this.keyring.isUnlocked(identity.name), roles: person?.roles ?? null, revoked: person?.revokedAt != null };
  }
}
