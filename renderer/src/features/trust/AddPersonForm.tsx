import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/domain/roles.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { RoleCheckboxes } from './RoleCheckboxes.js';
import { useAction } from '../../app/use-action.js';

/**
 * An admin adds a person with roles and the public key the person made on their own machine
 * (`identity export`); left empty, the key of that name on this machine is used.
 */
export function AddPersonForm({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reviewer']);
  const [publicKey, setPublicKey] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const key = publicKey.trim();
    const person = await action.run(() => api.call('roster.add', { name: name.trim(), roles, ...(key ? { publicKey: key } : {}) }));
    if (!person) return;
    setAdded(t('rosterView.add.added', { name: person.name }));
    setName('');
    setPublicKey('');
    onAdded();
  };

  return (
    <section className="card" data-testid="add-person">
      <header className="card-header">
        <h3>{t('rosterView.add.title')}</h3>
      </header>
      <form className="stacked-form" onSubmit={(e) => void submit(e)}>
        <label className="stacked-label">
          <span>{t('rosterView.column.name')}</span>
          <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} data-testid="add-person-name" />
        </label>
        <div className="stacked-label">
          <span>{t('rosterView.column.roles')}</span>
          <RoleCheckboxes value={roles} onChange={setRoles} testId="add-person-roles" />
        </div>
        <label className="stacked-label">
          <span>{t('rosterView.add.publicKey')}</span>
          <textarea className="mono" rows={2} value={publicKey} maxLength={200} spellCheck={false} onChange={(e) => setPublicKey(e.target.value)} data-testid="add-person-key" />
        </label>
        <p className="muted small">{t('rosterView.add.publicKeyHint')}</p>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy || name.trim() === '' || roles.length === 0} data-testid="add-person-submit">
            {t('rosterView.add.submit')}
          </button>
          {added ? (
            <span className="ok-text small" data-testid="add-person-done">
              {added}
            </span>
          ) : null}
        </div>
      </form>
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </section>
  );
}
