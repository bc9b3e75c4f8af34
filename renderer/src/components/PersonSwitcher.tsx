import { useState, type FormEvent } from 'react';
import type { WireError } from '../../../shared/errors.js';
import { ApiError } from '../api/client.js';
import { useApi } from '../app/api-context.js';
import { setPerson } from '../app/person.js';
import { useCall } from '../app/use-call.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ErrorNotice } from './ErrorNotice.js';

/**
 * Who this window acts as: one of the people whose key is on this machine. Choosing someone whose key is
 * locked asks for their passphrase; the core keeps the opened key for this session and signs with it.
 * Switching reloads what is shown, as another person would see it.
 */
export function PersonSwitcher({ person, onChanged }: { person: string | null; onChanged(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const identities = useCall('identity.list', editing ? {} : null);
  const [chosen, setChosen] = useState<string>('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<WireError | null>(null);
  const list = identities.data?.identities ?? [];
  const selected = list.find((i) => i.name === (chosen || person)) ?? list[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setError(null);
    try {
      if (!selected.unlocked) await api.call('identity.unlock', { name: selected.name, passphrase });
      setPerson(selected.name);
      setEditing(false);
      setPassphrase('');
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.wire : { code: 'INTERNAL', message: String(failure), details: {} });
    }
  };

  if (!editing) {
    return (
      <button type="button" className="topbar-button person-button" title={t('person.change')} onClick={() => setEditing(true)} data-testid="person-switch">
        {t('person.label')}: <strong data-testid="person-name">{person ?? '—'}</strong>
      </button>
    );
  }
  return (
    <form className="person-form" onSubmit={(e) => void submit(e)}>
      {list.length === 0 && !identities.loading ? (
        <span className="person-none">{t('person.noKeys')}</span>
      ) : (
        <select value={selected?.name ?? ''} aria-label={t('person.choose')} onChange={(e) => setChosen(e.target.value)} data-testid="person-select">
          {list.map((i) => (
            <option key={i.keyid} value={i.name}>
              {i.name}
              {i.roles ? ` (${i.roles.join(', ')})` : ` (${t('person.notInRoster')})`}
              {i.unlocked ? '' : ' 🔒'}
            </option>
          ))}
        </select>
      )}
      {selected && !selected.unlocked ? (
        <input type="password" autoFocus value={passphrase} maxLength={1024} placeholder={t('person.passphrase')} aria-label={t('person.passphrase')} onChange={(e) => setPassphrase(e.target.value)} data-testid="person-passphrase" />
      ) : null}
      <button type="submit" disabled={!selected} data-testid="person-save">
        {selected && !selected.unlocked ? t('person.unlock') : t('person.save')}
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('person.cancel')}
      </button>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </form>
  );
}
