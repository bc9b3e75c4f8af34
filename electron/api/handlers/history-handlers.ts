import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function historyHandlers(_core: CoreServices): Handlers<never> {
  return {};
}
