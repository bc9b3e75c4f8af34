import type { Person } from '../../../shared/contract/trust.js';
import type { Role } from '../../../shared/domain/roles.js';
import { AppError } from '../../../shared/errors.js';
import type { Queryable } from '../../db/connection.js';
import { sql } from '../../db/sql.js';
import type { Ledger } from '../events/ledger.js';
import type { ProjectionTable } from '../events/projector.js';
import type { Workspace } from '../workspace/workspace.js';
import type { IdentityStore } from './identity-store.js';
import { keyIdOf, verifyingKeyFromBase64 } from './keys.js';

interface PersonRow {
  name: string;
  keyid: string;
  public_key: string;
  roles: string;
  added_by: string;
  added_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export function personOfRow(row: PersonRow): Person {
  return {
    name: row.name,
    keyid: row.keyid,
    publicKey: row.public_key,
    roles: JSON.parse(row.roles) as Role[],
    addedBy: row.added_by,
    addedAt: row.added_at,
    revokedBy: row.revoked_by,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}

/**
 * The roster: who may sign what. Every change is an event signed by an admin; the first is the admin
 * adding themself (the trust root), made by `init --admin`.
 */
export class RosterService {
  constructor(
    private readonly workspace: Workspace,
    private readonly ledger: Ledger,
    private readonly identities: IdentityStore,
  ) {}

  async list(db: Queryable = this.workspace.db.read): Promise<Person[]> {
    return (await db.all<PersonRow>(sql`SELECT * FROM people ORDER BY added_at, name`)).map(personOfRow);
  }

  async find(name: string, db: Queryable = this.workspace.db.read): Promise<Person | undefined> {
    const row = await db.get<PersonRow>(sql`SELECT * FROM people WHERE name = ${name}`);
    return row && personOfRow(row);
  }

  /** The key id of the roster's first event: the admin every other entry descends from. */
  async trustRoot(): Promise<string | null> {
    const row = await this.workspace.db.read.get<{ keyid: string }>(sql`SELECT keyid FROM events WHERE type = 'roster.person-added' AND keyid IS NOT NULL ORDER BY lamport, seq LIMIT 1`);
    return row?.keyid ?? null;
  }

  /** The first entry: `name`, whose key is on this machine, becomes the admin. Only on an empty roster. */
  async init(name: string): Promise<Person> {
    const identity = await this.identities.find(name);
    if (!identity) throw new AppError('NOT_FOUND', 'error.identity.noLocalKey', { name });
    await this.workspace.db.transaction(async (tx) => {
      const count = (await tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM people`))!.n;
      if (count > 0) throw new AppError('CONFLICT', 'error.roster.alreadyInitialised', {});
      await this.ledger.append(tx, name, 'roster.person-added', { name, publicKey: identity.publicKey, roles: ['admin'] });
    });
    return (await this.find(name))!;
  }

  async add(actor: string, name: string, roles: readonly Role[], publicKey: string | undefined): Promise<Person> {
    let key = publicKey;
    if (key === undefined) {
      const local = await this.identities.find(name);
      if (!local) throw new AppError('INVALID_INPUT', 'error.roster.publicKeyNeeded', { name });
      key = local.publicKey;
    }
    // Anyone can sign for a key of small order: such a person would let everybody act in their name.
    if (verifyingKeyFromBase64(key).weakness !== null) throw new AppError('INVALID_INPUT', 'error.identity.weakPublicKey', {});
    const keyid = keyIdOf(Buffer.from(key, 'base64'));
    await this.workspace.db.transaction(async (tx) => {
      if (await this.find(name, tx)) throw new AppError('CONFLICT', 'error.roster.exists', { name });
      const holder = await tx.get<{ name: string }>(sql`SELECT name FROM people WHERE keyid = ${keyid}`);
      if (holder) throw new AppError('CONFLICT', 'error.roster.keyTaken', { name: holder.name });
      await this.ledger.append(tx, actor, 'roster.person-added', { name, publicKey: key, roles: [...roles].sort() });
    });
    return (await this.find(name))!;
  }

  async setRoles(actor: string, name: string, roles: readonly Role[]): Promise<Person> {
    await this.workspace.db.transaction(async (tx) => {
      const person = await this.active(tx, name);
      if (person.roles.includes('admin') && !roles.includes('admin')) await this.keepAnAdmin(tx, name);
      await this.ledger.append(tx, actor, 'roster.roles-set', { name, roles: [...roles].sort() });
    });
    return (await this.find(name))!;
  }

  /** A revoked person's earlier signatures stay valid; nothing they sign from now on is accepted. */
  async revoke(actor: string, name: string, reason: string): Promise<Person> {
    await this.workspace.db.transaction(async (tx) => {
      const person = await this.active(tx, name);
      if (person.roles.includes('admin')) await this.keepAnAdmin(tx, name);
      await this.ledger.append(tx, actor, 'roster.person-revoked', { name, reason });
    });
    return (await this.find(name))!;
  }

  private async active(db: Queryable, name: string): Promise<Person> {
    const person = await this.find(name, db);
    if (!person) throw new AppError('NOT_FOUND', 'error.roster.unknown', { name });
    if (person.revokedAt !== null) throw new AppError('CONFLICT', 'error.roster.revoked', { name });
    return person;
  }

  private async keepAnAdmin(db: Queryable, leaving: string): Promise<void> {
    const others = (await this.list(db)).filter((p) => p.name !== leaving && p.revokedAt === null && p.roles.includes('admin'));
    if (others.length === 0) throw new AppError('CONFLICT', 'error.roster.lastAdmin', { name: leaving });
  }
}

export const rosterProjections: ProjectionTable = {
  async 'roster.person-added'(tx, { actor, at, payload }) {
    const publicKey = payload['publicKey'] as string;
    await tx.run(sql`INSERT INTO people (name, keyid, public_key, roles, added_by, added_at)
      VALUES (${payload['name'] as string}, ${keyIdOf(Buffer.from(publicKey, 'base64'))}, ${publicKey}, ${JSON.stringify(payload['roles'])}, ${actor}, ${at})`);
  },
  async 'roster.roles-set'(tx, { payload }) {
    await tx.run(sql`UPDATE people SET roles = ${JSON.stringify(payload['roles'])} WHERE name = ${payload['name'] as string}`);
  },
  async 'roster.person-revoked'(tx, { actor, at, payload }) {
    await tx.run(sql`UPDATE people SET revoked_by = ${actor}, revoked_at = ${at}, revoke_reason = ${payload['reason'] as string} WHERE name = ${payload['name'] as string}`);
  },
};
