import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

type DepositMethod =
  | 'deposit.verify'
  | 'deposit.overview'
  | 'deposit.syncChanges'
  | 'alarm.list'
  | 'alarm.acknowledge'
  | 'release.pin'
  | 'release.inventory'
  | 'bundle.import'
  | 'bundle.export'
  | 'credential.list'
  | 'credential.store'
  | 'credential.remove';

export function depositHandlers(core: CoreServices): Handlers<DepositMethod> {
  return {
    'deposit.verify': async ({ components }, context) => ({
      components: await core.verify.verify(components, {
        signal: context.signal,
        onProgress: (component, phase) => context.progress({ component, phase: `verify-${phase}`, completed: null, total: null, bytes: null }),
      }),
    }),
    'deposit.overview': async ({ component }) => {
      const [summary] = (await core.components.list()).filter((c) => c.name.toLowerCase() === component.toLowerCase());
      const row = await core.components.require(component);
      return {
        component: summary!,
        headRef: row.head_ref,
        syncs: await core.deposits.syncs(component),
        alarms: await core.deposits.alarms({ component }),
        verification: await core.deposits.latestVerification(component),
        releases: await core.pins.list(component),
      };
    },
    'deposit.syncChanges': async ({ component, syncId, offset, limit }) => core.deposits.syncChanges(component, syncId, offset, limit),
    'alarm.list': async (input) => ({ alarms: await core.deposits.alarms(input) }),
    'alarm.acknowledge': async ({ alarmId, comment }, { actor }) => ({ alarm: await core.deposits.acknowledge(alarmId, comment, actor) }),
    'release.pin': async ({ component, ref }, context) =>
      core.pins.pin(component, ref, {
        actor: context.actor,
        signal: context.signal,
        onProgress: (done, total) => context.progress({ component, phase: 'digest', completed: done, total, bytes: done }),
      }),
    'release.inventory': async ({ component, ref }) => core.pins.inventory(component, ref),
    'bundle.import': async ({ component, file }, context) =>
      core.bundles.importBundle(component, file, {
        signal: context.signal,
        onProgress: (p) => context.progress({ component: p.component, phase: p.phase, completed: p.completed, total: p.total, bytes: p.bytes }),
      }),
    'bundle.export': async ({ component, file, sinceSync }) => ({ bundle: await core.bundles.exportBundle(component, file, sinceSync) }),
    'credential.list': async () => ({ credentials: await core.credentials.list() }),
    'credential.store': async ({ host, username, secret }) => {
      await core.credentials.store(host, { username, secret });
      return { stored: true };
    },
    'credential.remove': async ({ host }) => ({ removed: await core.credentials.remove(host) }),
  };
}
