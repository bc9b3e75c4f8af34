import { randomUUID } from 'node:crypto';
import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function searchHandlers(core: CoreServices): Handlers<'search.start' | 'search.results'> {
  return {
    'search.start': async ({ query, maxMatches }, context) =>
      core.search.start(query, {
        // The dispatcher gives every long method an operationId; it doubles as the search id.
        searchId: context.operationId ?? randomUUID(),
        maxMatches,
        signal: context.signal,
        onProgress: (component, filesFound) => context.progress({ component, phase: 'searching', completed: filesFound, total: null, bytes: null }),
      }),
    'search.results': async ({ searchId, offset, limit }) => core.search.results(searchId, offset, limit),
  };
}
