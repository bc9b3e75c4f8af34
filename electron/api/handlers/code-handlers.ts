import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function codeHandlers(core: CoreServices): Handlers<'release.list' | 'tree.list' | 'file.read'> {
  return {
    'release.list': async ({ component }) => core.releases.list(component),
    'tree.list': async ({ component, ref }) => core.trees.list(component, ref),
    'file.read': async ({ component, ref, path }) => core.trees.read(component, ref, path),
  };
}
