import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function escrowHandlers(core: CoreServices): Handlers<'component.list' | 'component.add' | 'sync.run'> {
  return {
    'component.list': async () => ({ components: await core.components.list() }),
    'component.add': async ({ name, source }) => ({ component: await core.components.add(name, source) }),
    'sync.run': async ({ components }, context) => ({
      components: await core.sync.syncComponents(components, {
        signal: context.signal,
        onProgress: (p) => context.progress({ component: p.component, phase: p.phase, completed: p.completed, total: p.total, bytes: p.bytes }),
      }),
    }),
  };
}
