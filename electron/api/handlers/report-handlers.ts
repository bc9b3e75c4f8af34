import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

export function reportHandlers(core: CoreServices): Handlers<'report.render'> {
  return {
    'report.render': async ({ component, ref, locale, format }) => core.reports.render(component, ref, locale, format),
  };
}
