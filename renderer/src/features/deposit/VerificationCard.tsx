import type { ComponentVerification } from '../../../../shared/contract/deposits.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The last verification of the deposit: complete and unaltered, or every problem found. */
interface VerificationCardProps {
  verification: ComponentVerification | null;
  /** When the mirror last changed: a verification older than that no longer speaks for it. */
  lastSyncAt: string | null;
  running: boolean;
  onVerify(): void;
}

export function VerificationCard({ verification, lastSyncAt, running, onVerify }: VerificationCardProps) {
  const { t, locale } = useI18n();
  const stale = verification !== null && lastSyncAt !== null && lastSyncAt > verification.verifiedAt;
  return (
    <section className="card" data-testid="verification-card">
      <header className="card-header">
        <h3>{t('deposit.verification')}</h3>
        <button type="button" onClick={onVerify} disabled={running} data-testid="verify-button">
          {running ? t('deposit.verifying') : t('deposit.verifyNow')}
        </button>
      </header>
      {verification === null ? (
        <p className="muted">{t('deposit.neverVerified')}</p>
      ) : verification.ok ? (
        <p className="ok-text" data-testid="verification-result">
          ✓ {t('deposit.verifiedOk', { at: new Date(verification.verifiedAt).toLocaleString(locale) })}
        </p>
      ) : (
        <div data-testid="verification-result">
          <p className="danger-text">{t('deposit.verifiedProblems', { count: verification.problems.length, at: new Date(verification.verifiedAt).toLocaleString(locale) })}</p>
          <ul className="problem-list">
            {verification.problems.map((problem, i) => (
              <li key={i}>
                <strong>{t(`verify.problem.${problem.kind}`)}</strong> <span className="mono">{problem.detail}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {stale ? <p className="notice small" data-testid="verification-stale">{t('deposit.verificationStale')}</p> : null}
    </section>
  );
}
