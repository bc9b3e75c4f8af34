import { useState, type FormEvent } from 'react';
import { setPerson } from '../app/person.js';
import { useI18n } from '../i18n/i18n-context.js';

/**
 * Who this window acts as: every thread, mark and finding is recorded under this name. Switching reloads
 * what is shown, as another person would see it.
 */
export function PersonSwitcher({ person, onChanged }: { person: string | null; onChanged(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(person ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    setPerson(trimmed === '' ? null : trimmed);
    setEditing(false);
    onChanged();
  };
  if (!editing) {
    return (
      <button type="button" className="topbar-button person-button" title={t('person.change')} onClick={() => setEditing(true)} data-testid="person-switch">
        {t('person.label')}: <strong data-testid="person-name">{person ?? '—'}</strong>
      </button>
    );
  }
  return (
    <form className="person-form" onSubmit={submit}>
      <input autoFocus value={name} maxLength={64} placeholder={t('person.placeholder')} aria-label={t('person.placeholder')} onChange={(e) => setName(e.target.value)} data-testid="person-input" />
      <button type="submit" data-testid="person-save">
        {t('person.save')}
      </button>
    </form>
  );
}
