import { useState } from 'react';
import type { Criterion } from '../../../../shared/contract/review.js';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire } from '../../app/use-call.js';
import { FormActions } from '../../components/FormActions.js';
import { useI18n } from '../../i18n/i18n-context.js';

interface CriterionFormProps {
  component: string;
  /** The criteria the new one may imply. */
  criteria: readonly Criterion[];
  onDone(created: Criterion | null): void;
}

/** Define a review criterion of the component; the core checks the name and that what it implies exists. */
export function CriterionForm({ component, criteria, onDone }: CriterionFormProps) {
  const api = useApi();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [implies, setImplies] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<WireError | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (target: string, on: boolean) =>
    setImplies((current) => {
      const next = new Set(current);
      if (on) next.add(target);
      else next.delete(target);
      return next;
    });
  return (
    <form
      className="criterion-form"
      data-testid="criterion-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        api.call('criterion.define', { component, name: name.trim(), description: description.trim(), implies: [...implies] }).then(onDone, (err: unknown) => {
          setError(toWire(err));
          setBusy(false);
        });
      }}
    >
      <label>
        {t('criterion.name')}
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('criterion.namePlaceholder')} autoFocus data-testid="criterion-name" />
      </label>
      <div className="muted small">{t('criterion.nameHint')}</div>
      <label>
        {t('criterion.description')}
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} data-testid="criterion-description" />
      </label>
      <fieldset className="criterion-implies">
        <legend>{t('criterion.implies')}</legend>
        {criteria.map((c) => (
          <label key={c.name} title={c.builtIn ? t('criterion.builtInAbout') : c.description}>
            <input type="checkbox" checked={implies.has(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} data-testid="criterion-implies" data-criterion={c.name} /> {c.name}
          </label>
        ))}
      </fieldset>
      <FormActions error={error} submitLabel={t('criterion.create')} submitDisabled={busy || name.trim() === ''} submitTestId="criterion-submit" onDismiss={() => onDone(null)} />
    </form>
  );
}
