import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useAction } from '../../app/use-action.js';

/** Name a remote and say where it is: a bare repository in a shared folder, or an ssh or https git URL. */
export function AddRemoteForm({ onAdded }: { onAdded(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [added, setAdded] = useState<{ name: string; url: string } | null>(null);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const remote = await action.run(() => api.call('ledger.remoteAdd', { name: name.trim(), url: url.trim() }));
    if (!remote) return;
    setAdded(remote);
    setName('');
    setUrl('');
    onAdded();
  };

  return (
    <form className="ledger-add-form" onSubmit={(e) => void submit(e)} data-testid="ledger-add">
      <label className="stacked-label ledger-add-name">
        <span>{t('ledgerView.add.name')}</span>
        <input value={name} maxLength={63} placeholder={t('ledgerView.add.namePlaceholder')} spellCheck={false} onChange={(e) => setName(e.target.value)} data-testid="ledger-add-name" />
      </label>
      <label className="stacked-label ledger-add-url">
        <span>{t('ledgerView.add.url')}</span>
        <input className="mono" value={url} maxLength={2048} placeholder={t('ledgerView.add.urlPlaceholder')} spellCheck={false} onChange={(e) => setUrl(e.target.value)} data-testid="ledger-add-url" />
      </label>
      <button type="submit" className="primary" disabled={action.busy || name.trim() === '' || url.trim() === ''} data-testid="ledger-add-submit">
        {t('ledgerView.add.submit')}
      </button>
      {added ? (
        <p className="ok-text small ledger-add-done" data-testid="ledger-add-done">
          {t('ledgerView.add.added', added)}
        </p>
      ) : null}
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </form>
  );
}
