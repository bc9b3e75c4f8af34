import type { Gate } from '../../../../shared/contract/trust.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { shortRef } from '../dashboard/dashboard-format.js';
import { policyClauses, VERDICT_TONE, verdictOf } from './gate-wording.js';

/** The verdict, what exactly is being decided (digest and commit), and the policy in force. */
export function GateSummary({ gate }: { gate: Gate }) {
  const { t, locale } = useI18n();
  const verdict = verdictOf(gate);
  const unmet = gate.requirements.filter((r) => !r.met).length;
  return (
    <section className={`card gate-summary verdict-${verdict}`} data-testid="gate-summary">
      <header className="card-header">
        <h3>
          <span className={`pill gate-verdict ${VERDICT_TONE[verdict]}`} data-testid="gate-verdict" data-verdict={verdict}>
            {t(`gateView.verdict.${verdict}`)}
          </span>
        </h3>
        <span className="muted small">{verdict === 'open' ? t('gateView.verdictHint.open', { count: unmet }) : t(`gateView.verdictHint.${verdict}`)}</span>
      </header>
      <dl className="facts gate-facts">
        <dt>{t('gateView.fact.release')}</dt>
        <dd>{shortRef(gate.ref)}</dd>
        <dt>{t('gateView.fact.commit')}</dt>
        <dd className="mono" data-testid="gate-commit">
          {gate.commit}
        </dd>
        <dt>{t('gateView.fact.digest')}</dt>
        <dd className={gate.digest ? 'mono' : 'danger-text'} data-testid="gate-digest">
          {gate.digest ?? t('gateView.fact.notPinned')}
        </dd>
        <dt>{t('gateView.fact.policy')}</dt>
        <dd>
          <ul className="policy-clauses" data-testid="gate-policy">
            {policyClauses(t, gate.policy).map((clause) => (
              <li key={clause}>{clause}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('gateView.fact.policySetBy')}</dt>
        <dd data-testid="gate-policy-set-by">{gate.policySetBy ?? <span className="muted">{t('gateView.fact.defaultPolicy')}</span>}</dd>
        <dt>{t('gateView.fact.evaluatedAt')}</dt>
        <dd>{new Date(gate.evaluatedAt).toLocaleString(locale)}</dd>
      </dl>
    </section>
  );
}
