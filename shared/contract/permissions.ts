import type { EventType } from '../domain/events.js';
import type { Role } from '../domain/roles.js';
import type { MethodName } from './index.js';

/**
 * Who may call a method. `read`: anyone who can reach the core. `deposit`: escrow operations whose results
 * are facts checkable against git (mirrors, pins, bundles): any local user of the workspace, recorded by
 * name. `bootstrap`: only while the roster is empty. `roles`: a person in the roster, not revoked, holding
 * one of the roles, with their key open — every such call is a signed event.
 */
export type Permission = { kind: 'read' } | { kind: 'deposit' } | { kind: 'bootstrap' } | { kind: 'roles'; roles: readonly Role[] };

const read: Permission = { kind: 'read' };
const deposit: Permission = { kind: 'deposit' };
const roles = (...r: Role[]): Permission => ({ kind: 'roles', roles: r });
const CODE_PEOPLE = roles('reviewer', 'security', 'approver');
const ANY_MEMBER = roles('admin', 'reviewer', 'security', 'approver');

/** The permission matrix: every method of the contract, enforced by the core's dispatcher. */
export const METHOD_PERMISSIONS = {
  'app.info': read,
  'operation.cancel': read,
  'release.list': read,
  'tree.list': read,
  'file.read': read,
  'file.page': read,
  'component.list': read,
  'component.add': deposit,
  'component.importGithub': deposit,
  'sync.run': deposit,
  'deposit.verify': deposit,
  'deposit.overview': read,
  'deposit.syncChanges': read,
  'alarm.list': read,
  'alarm.acknowledge': roles('admin'),
  'release.pin': deposit,
  'release.inventory': read,
  'bundle.import': deposit,
  'bundle.export': deposit,
  'credential.list': read,
  'credential.store': deposit,
  'credential.remove': deposit,
  'finding.add': roles('security', 'reviewer'),
  'finding.list': read,
  'finding.get': read,
  'finding.setStatus': roles('security', 'reviewer'),
  'finding.requestRisk': roles('security'),
  'finding.approveRisk': roles('approver'),
  'sarif.import': roles('security'),
  'sarif.export': read,
  'diff.files': read,
  'diff.file': read,
  'diff.patch': read,
  'blame.file': read,
  'history.file': read,
  'commit.show': read,
  'thread.list': read,
  'thread.open': CODE_PEOPLE,
  'thread.reply': CODE_PEOPLE,
  'thread.editComment': CODE_PEOPLE,
  'thread.setStatus': CODE_PEOPLE,
  'criterion.list': read,
  'criterion.define': roles('admin', 'reviewer', 'security'),
  'review.mark': roles('reviewer', 'security'),
  'review.coverage': read,
  'review.status': read,
  'review.dashboard': read,
  'search.start': read,
  'search.results': read,
  'identity.list': read,
  'identity.create': read,
  'identity.unlock': read,
  'identity.lock': read,
  'roster.init': { kind: 'bootstrap' },
  'roster.list': read,
  'roster.add': roles('admin'),
  'roster.setRoles': roles('admin'),
  'roster.revoke': roles('admin'),
  'policy.get': read,
  'policy.set': roles('admin'),
  'gate.evaluate': read,
  'signoff.sign': CODE_PEOPLE,
  'signoff.list': read,
  'audit.verify': read,
  'audit.events': read,
  'manifest.export': ANY_MEMBER,
  'report.render': read,
  // Moving signed events between workstations adds nothing anyone could forge: every event is checked.
  'ledger.status': read,
  'ledger.remoteAdd': deposit,
  'ledger.remoteRemove': deposit,
  'ledger.push': deposit,
  'ledger.pull': deposit,
  'ledger.export': deposit,
  'ledger.import': deposit,
} as const satisfies Record<MethodName, Permission>;

/** The roles an event's signer must hold when it was signed; `audit verify` checks every event against it. */
export const EVENT_ROLES: Record<EventType, readonly Role[]> = {
  'roster.person-added': ['admin'],
  'roster.roles-set': ['admin'],
  'roster.person-revoked': ['admin'],
  'policy.set': ['admin'],
  'signoff.signed': ['reviewer', 'security', 'approver'],
  'alarm.acknowledged': ['admin'],
  'thread.opened': ['reviewer', 'security', 'approver'],
  'thread.replied': ['reviewer', 'security', 'approver'],
  'comment.edited': ['reviewer', 'security', 'approver'],
  'thread.status-set': ['reviewer', 'security', 'approver'],
  'criterion.defined': ['admin', 'reviewer', 'security'],
  'review.marked': ['reviewer', 'security'],
  'finding.added': ['security', 'reviewer'],
  'finding.status-set': ['security', 'reviewer'],
  'finding.false-positive-proposed': ['security', 'reviewer'],
  'risk.requested': ['security'],
  'risk.approved': ['approver'],
  'sarif.imported': ['security'],
};

export function permissionOf(method: MethodName): Permission {
  return METHOD_PERMISSIONS[method];
}
