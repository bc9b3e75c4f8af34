import type { GateRequirement } from '../../../../shared/contract/trust.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { requirementTitle } from './gate-wording.js';

/** Each requirement of the policy, met or not: worded here from its kind, with the core's own account of why. */
export function GateRequirements({ requirements }: { requirements: readonly GateRequirement[] }) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="gate-requirements">
      <header className="card-header">
        <h3>{t('gateView.requirements')}</h3>
      </header>
      <ul className="requirement-list">
        {requirements.map((r) => (
          <li key={r.id} className={r.met ? 'met' : 'unmet'} data-testid="gate-requirement" data-id={r.id} data-met={r.met}>
            <span className={`requirement-mark ${r.met ? 'ok-text' : 'danger-text'}`} aria-label={t(r.met ? 'gateView.met' : 'gateView.unmet')} title={t(r.met ? 'gateView.met' : 'gateView.unmet')}>
              {r.met ? '✓' : '✗'}
            </span>
            <div className="requirement-text">
              <div className="requirement-title">
                {requirementTitle(t, r)} <code className="requirement-id muted">{r.id}</code>
              </div>
              <div className="muted small requirement-detail">{r.detail}</div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
