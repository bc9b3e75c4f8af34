import type { CoreServices } from '../../core/services.js';
import type { Handlers } from '../handler-types.js';

type FindingMethods = 'finding.add' | 'finding.list' | 'finding.get' | 'finding.setStatus' | 'finding.requestRisk' | 'finding.approveRisk' | 'sarif.import' | 'sarif.export';

export function findingHandlers(core: CoreServices): Handlers<FindingMethods> {
  return {
    'finding.add': async ({ component, ref, ...input }, { actor }) => core.findings.add(actor, component, ref, input),
    'finding.list': async (filter) => ({ findings: await core.findings.list(filter) }),
    'finding.get': async ({ id, ref }) => core.findings.getOn(id, ref),
    'finding.setStatus': async ({ id, status, comment, ref }, { actor }) => core.findings.setStatus(actor, id, status, comment, ref),
    'finding.requestRisk': async ({ id, justification, expiresOn }, { actor }) => core.findings.requestRisk(actor, id, justification, expiresOn),
    'finding.approveRisk': async ({ id, comment }, { actor }) => core.findings.approveRisk(actor, id, comment),
    'sarif.import': async ({ component, ref, file }, { actor }) => core.sarif.import(actor, component, ref, file),
    'sarif.export': async ({ component, ref }) => ({ sarif: await core.sarif.export(component, ref) }),
  };
}
