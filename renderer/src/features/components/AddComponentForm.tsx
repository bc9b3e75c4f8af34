import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/api-context.js';
import { useAction } from '../../app/use-action.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface AddComponentFormProps {
  /** Called with the new component's name once the core registered it; `mirrorNow` asks for its first sync. */
  onAdded(name: string, mirrorNow: boolean): void;
  onClose(): void;
}

/**
 * Register a vendor repository as a component, as `component add NAME SOURCE` does: the core checks the name
 * and the source (https, ssh, file URL or local path; `ext::`, credentials in the URL and the like refused) and
 * the form shows its refusal as it words it. Nothing is fetched until the first sync.
 */
export function AddComponentForm({ onAdded, onClose }: AddComponentFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [mirrorNow, setMirrorNow] = useState(true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await action.run(() => api.call('component.add', { name: name.trim(), source: source.trim() }));
    if (added) onAdded(added.component.name, mirrorNow);
  };

  return (
    <form className="add-component" onSubmit={(e) => void submit(e)} data-testid="component-add-form">
      <label>
        {t('components.add.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="payments-gateway" required autoFocus data-testid="component-add-name" />
      </label>
      <label>
        {t('components.add.source')}
        <input className="mono" value={source} onChange={(e) => setSource(e.target.value)} placeholder="https://git.vendor.example/platform/payments.git" required data-testid="component-add-source" />
      </label>
      <p className="muted small">{t('components.add.hint')}</p>
      <label className="inline">
        <input type="checkbox" checked={mirrorNow} onChange={(e) => setMirrorNow(e.target.checked)} data-testid="component-add-sync" /> {t('components.add.mirrorNow')}
      </label>
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={action.busy || name.trim() === '' || source.trim() === ''} data-testid="component-add-submit">
          {t('components.add.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
