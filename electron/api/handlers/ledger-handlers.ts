import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

type LedgerMethods = 'ledger.status' | 'ledger.remoteAdd' | 'ledger.remoteRemove' | 'ledger.push' | 'ledger.pull' | 'ledger.export' | 'ledger.import';

export function ledgerHandlers(core: CoreServices): Handlers<LedgerMethods> {
  const sync = core.ledgerSync;
  return {
    'ledger.status': async () => sync.status(),
    'ledger.remoteAdd': async ({ name, url }) => sync.addRemote(name, url),
    'ledger.remoteRemove': async ({ name }) => sync.removeRemote(name),
    'ledger.push': async ({ remote }, { signal, progress }) => sync.push(remote, (completed, total, phase) => progress({ component: null, phase, completed, total, bytes: null }), signal),
    'ledger.pull': async ({ remote }, { signal, progress }) => sync.pull(remote, (completed, total, phase) => progress({ component: null, phase, completed, total, bytes: null }), signal),
    'ledger.export': async ({ file, since }) => sync.exportBundle(file, since),
    'ledger.import': async ({ file }, { signal, progress }) => sync.importBundle(file, (completed, total, phase) => progress({ component: null, phase, completed, total, bytes: null }), signal),
  };
}
