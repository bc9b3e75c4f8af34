import { useEffect, useState } from 'react';
import type { Policy } from '../../../../shared/contract/trust.js';
import { SEVERITY_LIMITS, type SeverityLimit } from '../../../../shared/domain/policy.js';
import { SIGNING_ROLES } from '../../../../shared/domain/roles.js';
import { useApi } from '../../app/api-context.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { roleName, severityLimitName } from './gate-wording.js';
import { useAction } from '../../app/use-action.js';

/** What an admin types: numbers as text until saved, a criterion's minimum empty when none is required. */
interface Draft {
  signoffs: Policy['signoffs'];
  coverage: Record<string, string>;
  maxOpenSeverity: SeverityLimit;
  requireRiskExpiry: boolean;
  separationOfDuties: boolean;
}

const draftOf = (policy: Policy): Draft => ({ ...policy, coverage: Object.fromEntries(Object.entries(policy.coverage).map(([c, n]) => [c, String(n)])) });

function policyOf(draft: Draft): Policy {
  const coverage = Object.fromEntries(Object.entries(draft.coverage).filter(([, v]) => v.trim() !== '').map(([c, v]) => [c, Number(v)]));
  return { ...draft, coverage };
}

/** A component's release policy (admin only): sign-offs per role, coverage per criterion, open severity, risks, duties. */
export function PolicyEditor({ components, initial }: { components: readonly string[]; initial: string | null }) {
  const { t } = useI18n();
  const [component, setComponent] = useState<string | null>(initial);
  const chosen = component !== null && components.includes(component) ? component : (components[0] ?? null);
  return (
    <section className="card" data-testid="policy-editor">
      <header className="card-header">
        <h3>{t('rosterView.policy.title')}</h3>
        {components.length > 0 ? (
          <label className="inline-label">
            <span>{t('rosterView.policy.component')}</span>
            <select value={chosen ?? ''} onChange={(e) => setComponent(e.target.value)} data-testid="policy-component">
              {components.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </header>
      {chosen ? <ComponentPolicy key={chosen} component={chosen} /> : <p className="muted">{t('rosterView.policy.noComponents')}</p>}
    </section>
  );
}

function ComponentPolicy({ component }: { component: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const current = useCall('policy.get', { component });
  const criteria = useCall('criterion.list', { component });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (current.data) setDraft(draftOf(current.data.policy));
  }, [current.data]);

  if (current.error) return <ErrorNotice error={current.error} />;
  if (!current.data || !draft) return <p className="muted">{t('common.loading')}</p>;
  const names = [...new Set([...(criteria.data?.criteria.map((c) => c.name) ?? []), ...Object.keys(draft.coverage)])];
  const edit = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...change });
  };
  const save = async () => {
    if (await action.run(() => api.call('policy.set', { component, policy: policyOf(draft) }))) {
      setSaved(true);
      current.reload();
    }
  };

  return (
    <div className="policy-form">
      <p className="muted small" data-testid="policy-set-by">
        {current.data.setBy ? t('rosterView.policy.setBy', { person: current.data.setBy, at: new Date(current.data.setAt ?? '').toLocaleString(locale) }) : t('rosterView.policy.default', { component })}
      </p>
      <fieldset>
        <legend>{t('rosterView.policy.signoffs')}</legend>
        {SIGNING_ROLES.map((role) => (
          <label key={role} className="inline-label">
            <span>{roleName(t, role)}</span>
            <input type="number" className="number-input" min={0} max={20} value={draft.signoffs[role]} onChange={(e) => edit({ signoffs: { ...draft.signoffs, [role]: Math.max(0, Math.min(20, Math.trunc(Number(e.target.value) || 0))) } })} data-testid={`policy-signoffs-${role}`} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('rosterView.policy.coverage')}</legend>
        {criteria.error ? <ErrorNotice error={criteria.error} /> : null}
        {names.map((name) => (
          <label key={name} className="inline-label">
            <span className="mono">{name}</span>
            <input type="number" className="number-input" min={0} max={100} step="any" placeholder={t('rosterView.policy.coverageNone')} value={draft.coverage[name] ?? ''} onChange={(e) => edit({ coverage: { ...draft.coverage, [name]: e.target.value } })} data-testid="policy-coverage" data-criterion={name} />
          </label>
        ))}
      </fieldset>
      <label className="inline-label">
        <span>{t('rosterView.policy.maxOpen')}</span>
        <select value={draft.maxOpenSeverity} onChange={(e) => edit({ maxOpenSeverity: e.target.value as SeverityLimit })} data-testid="policy-max-open">
          {SEVERITY_LIMITS.map((limit) => (
            <option key={limit} value={limit}>
              {severityLimitName(t, limit)}
            </option>
          ))}
        </select>
      </label>
      <label className="toggle">
        <input type="checkbox" checked={draft.requireRiskExpiry} onChange={(e) => edit({ requireRiskExpiry: e.target.checked })} data-testid="policy-risk-expiry" />
        {t('rosterView.policy.riskExpiry')}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={draft.separationOfDuties} onChange={(e) => edit({ separationOfDuties: e.target.checked })} data-testid="policy-separation" />
        {t('rosterView.policy.separation')}
      </label>
      <div className="form-actions">
        <button type="button" className="primary" disabled={action.busy} onClick={() => void save()} data-testid="policy-save">
          {t('rosterView.policy.save')}
        </button>
        {saved ? (
          <span className="ok-text small" data-testid="policy-saved">
            {t('rosterView.policy.saved', { component })}
          </span>
        ) : null}
      </div>
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </div>
  );
}
