import type { MethodName } from '../../../shared/contract/index.js';
import { METHOD_PERMISSIONS } from '../../../shared/contract/permissions.js';
import { AppError } from '../../../shared/errors.js';
import type { Keyring } from './keyring.js';
import type { RosterService } from './roster-service.js';

/**
 * The permission matrix applied before a handler runs: the person must be in the roster, not revoked,
 * hold one of the method's roles, and have their key open (it signs the event). The ledger checks the
 * roles again for every event it signs, so no path around the dispatcher gets further.
 */
export class AccessControl {
  constructor(
    private readonly roster: RosterService,
    private readonly keyring: Keyring,
  ) {}

  readonly authorize = async (method: MethodName, actor: string): Promise<void> => {
    const permission = METHOD_PERMISSIONS[method];
    if (permission.kind === 'read' || permission.kind === 'deposit') return;
    if (permission.kind === 'bootstrap') {
      if ((await this.roster.list()).length > 0) throw new AppError('CONFLICT', 'error.roster.alreadyInitialised', {});
      return;
    }
    const person = await this.roster.find(actor);
    if (!person) throw new AppError('FORBIDDEN', 'error.roster.notInRoster', { name: actor }, { person: actor, method });
    if (person.revokedAt !== null) throw new AppError('FORBIDDEN', 'error.roster.revoked', { name: actor }, { person: actor, method });
    if (!permission.roles.some((r) => person.roles.includes(r))) {
      throw new AppError('FORBIDDEN', 'error.permission.method', { name: actor, method, roles: permission.roles.join(', ') }, { person: actor, method, needed: [...permission.roles] });
    }
    await this.keyring.signer(actor);
  };
}
