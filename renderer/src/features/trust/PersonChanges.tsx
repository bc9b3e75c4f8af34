import { useState } from 'react';
import type { Person } from '../../../../shared/contract/trust.js';
import type { Role } from '../../../../shared/domain/roles.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RoleCheckboxes } from './RoleCheckboxes.js';
import { useAction } from '../../app/use-action.js';

/** An admin changes a person's roles, or revokes them with a reason; each is an event the admin signs. */
export function PersonChanges({ person, change, onDone }: { person: Person; change: 'roles' | 'revoke'; onDone(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [roles, setRoles] = useState<Role[]>(() => [...person.roles]);
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) onDone();
  };

  return (
    <div className="person-changes" data-testid={`person-${change}-form`}>
      {change === 'roles' ? (
        <div className="inline-form">
          <RoleCheckboxes value={roles} onChange={setRoles} testId="person-roles" />
          <button type="button" className="primary" disabled={action.busy || roles.length === 0} onClick={() => void submit(() => api.call('roster.setRoles', { name: person.name, roles }))} data-testid="person-roles-save">
            {t('rosterView.saveRoles')}
          </button>
        </div>
      ) : (
        <>
          <p className="muted small">{t('rosterView.revokeHint', { name: person.name })}</p>
          <div className="inline-form">
            <input value={reason} maxLength={2000} placeholder={t('rosterView.revokeReason')} aria-label={t('rosterView.revokeReason')} onChange={(e) => setReason(e.target.value)} data-testid="person-revoke-reason" />
            <button type="button" className="danger" disabled={action.busy || reason.trim() === ''} onClick={() => void submit(() => api.call('roster.revoke', { name: person.name, reason: reason.trim() }))} data-testid="person-revoke">
              {t('rosterView.revokeConfirm', { name: person.name })}
            </button>
          </div>
        </>
      )}
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </div>
  );
}
