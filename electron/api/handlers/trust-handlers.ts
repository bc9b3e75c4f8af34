import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';
import { auditEvents } from '../../core/trust/audit-log.js';

type TrustMethods =
  | 'identity.list'
  | 'identity.create'
  | 'identity.unlock'
  | 'identity.lock'
  | 'roster.init'
  | 'roster.list'
  | 'roster.add'
  | 'roster.setRoles'
  | 'roster.revoke'
  | 'policy.get'
  | 'policy.set'
  | 'gate.evaluate'
  | 'signoff.sign'
  | 'signoff.list'
  | 'audit.verify'
  | 'audit.events'
  | 'manifest.export';

export function trustHandlers(core: CoreServices): Handlers<TrustMethods> {
  return {
    'identity.list': async () => core.identities.list(),
    'identity.create': async ({ name, passphrase }) => core.identities.create(name, passphrase),
    'identity.unlock': async ({ name, passphrase }) => core.identities.unlock(name, passphrase),
    'identity.lock': async ({ name }) => core.identities.lock(name),
    'roster.init': async ({ name, passphrase }) => {
      if (!(await core.keyring.store.find(name))) await core.identities.create(name, passphrase);
      else await core.identities.unlock(name, passphrase);
      return core.roster.init(name);
    },
    'roster.list': async () => ({ people: await core.roster.list(), trustRoot: await core.roster.trustRoot() }),
    'roster.add': async ({ name, roles, publicKey }, { actor }) => core.roster.add(actor, name, roles, publicKey),
    'roster.setRoles': async ({ name, roles }, { actor }) => core.roster.setRoles(actor, name, roles),
    'roster.revoke': async ({ name, reason }, { actor }) => core.roster.revoke(actor, name, reason),
    'policy.get': async ({ component }) => core.policies.get(component),
    'policy.set': async ({ component, policy }, { actor }) => core.policies.set(actor, component, policy),
    'gate.evaluate': async ({ component, ref }) => core.gates.evaluate(component, ref),
    'signoff.sign': async ({ component, ref, role, decision, comment }, { actor }) => core.signoffs.sign(actor, { component, ref, role, decision, comment }),
    'signoff.list': async ({ component, ref }) => ({ signoffs: await core.signoffs.list(component, ref) }),
    'audit.verify': async (_input, { signal, progress }) => core.audit.verify((completed, total, phase) => progress({ component: null, phase, completed, total, bytes: null }), signal),
    'audit.events': async (input) => auditEvents(core.workspace, input),
    'manifest.export': async ({ component, ref }, { actor }) => ({ manifest: { ...(await core.manifests.export(actor, component, ref)) } }),
  };
}
