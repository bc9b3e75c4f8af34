import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function searchHandlers(_core: CoreServices): Handlers<never> {
  return {};
}
