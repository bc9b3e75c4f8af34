import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function codeHandlers(core: CoreServices): Handlers<'release.list' | 'tree.list' | 'file.read' | 'file.page'> {
  return {
    'release.list': async ({ component }) => ({ ...(await core.releases.list(component)), pinned: await core.pins.list(component) }),
    'tree.list': async ({ component, ref }) => {
      const listed = await core.trees.list(component, ref);
      return { ...listed, entries: [...listed.entries] };
    },
    'file.read': async ({ component, ref, path, encoding }) => core.trees.read(component, ref, path, encoding),
    'file.page': async ({ component, ref, path, page, encoding }) => core.trees.page(component, ref, path, page, encoding),
  };
}
