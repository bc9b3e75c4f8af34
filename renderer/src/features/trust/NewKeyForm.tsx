import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useAction } from '../../app/use-action.js';

const MIN_PASSPHRASE = 8;

interface NewKeyFormProps {
  submitLabel: string;
  testId: string;
  /** Make the key (and whatever else) in the core; resolves once done. */
  onSubmit(name: string, passphrase: string): Promise<unknown>;
}

/** A name and a passphrase typed twice: what making a person's key pair on this machine takes. */
export function NewKeyForm({ submitLabel, testId, onSubmit }: NewKeyFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  const tooShort = passphrase.length > 0 && passphrase.length < MIN_PASSPHRASE;
  const differ = repeat.length > 0 && repeat !== passphrase;
  const ready = name.trim() !== '' && passphrase.length >= MIN_PASSPHRASE && repeat === passphrase;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    await action.run(() => onSubmit(name.trim(), passphrase));
  };

  return (
    <form className="stacked-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <label className="stacked-label">
        <span>{t('rosterView.newKey.name')}</span>
        <input value={name} maxLength={64} autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid={`${testId}-name`} />
      </label>
      <label className="stacked-label">
        <span>{t('rosterView.newKey.passphrase')}</span>
        <input type="password" value={passphrase} maxLength={1024} autoComplete="new-password" onChange={(e) => setPassphrase(e.target.value)} data-testid={`${testId}-passphrase`} />
      </label>
      <label className="stacked-label">
        <span>{t('rosterView.newKey.repeat')}</span>
        <input type="password" value={repeat} maxLength={1024} autoComplete="new-password" onChange={(e) => setRepeat(e.target.value)} data-testid={`${testId}-repeat`} />
      </label>
      {tooShort ? <p className="warn-text small">{t('rosterView.newKey.tooShort', { count: MIN_PASSPHRASE })}</p> : null}
      {differ ? <p className="warn-text small">{t('error.identity.passphraseMismatch')}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!ready || action.busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </form>
  );
}
