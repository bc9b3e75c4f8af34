import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function historyHandlers(core: CoreServices): Handlers<'diff.files' | 'diff.file' | 'diff.patch' | 'blame.file' | 'history.file' | 'commit.show'> {
  return {
    'diff.files': async ({ component, from, to, path }) => core.history.diffFiles(component, from, to, path),
    'diff.file': async ({ component, from, to, path, oldPath }) => core.history.diffFile(component, from, to, path, oldPath),
    'diff.patch': async ({ component, from, to, path }) => core.history.diffPatch(component, from, to, path),
    'blame.file': async ({ component, ref, path }) => core.history.blame(component, ref, path),
    'history.file': async ({ component, ref, path, limit }) => core.history.fileHistory(component, ref, path, limit),
    'commit.show': async ({ component, commit }) => core.history.showCommit(component, commit),
  };
}
