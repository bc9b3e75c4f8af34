import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function githubHandlers(core: CoreServices): Handlers<'component.importGithub'> {
  return {
    'component.importGithub': async ({ org, baseUrl, includeForks, includeArchived, topics }, context) =>
      core.github.importOrganisation(
        { org, baseUrl, includeForks: includeForks ?? false, includeArchived: includeArchived ?? false, topics: topics ?? [] },
        {
          signal: context.signal,
          onProgress: (p) => context.progress({ component: null, phase: p.phase, completed: p.completed, total: p.total, bytes: null }),
        },
      ),
  };
}
