import { APP_VERSION } from '../../core/app-version.js';
import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function appHandlers(core: CoreServices): Handlers<'app.info' | 'operation.cancel'> {
  return {
    'app.info': async (_input, { actor }) => ({ version: APP_VERSION, workspace: core.workspace.root, face: core.workspace.face, person: actor }),
    'operation.cancel': async ({ operationId }, context) => ({ cancelled: context.cancel(operationId) }),
  };
}
