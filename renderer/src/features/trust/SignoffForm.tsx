import { useState } from 'react';
import type { Gate, Signoff } from '../../../../shared/contract/trust.js';
import { SIGNING_ROLES, type SigningRole } from '../../../../shared/domain/roles.js';
import { useApi } from '../../app/api-context.js';
import { useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { approveBlockedBecause, roleName } from './gate-wording.js';
import { useAction } from '../../app/use-action.js';

interface SignoffFormProps {
  gate: Gate;
  /** What was signed so far: the person's own latest decision in the chosen role is named. */
  signoffs: readonly Signoff[];
  component: string;
  gateRef: string;
  person: string | null;
  onSigned(): void;
}

/**
 * Sign the release off as the person in the top bar, in one of the signing roles they hold. A rejection
 * needs a reason; an approval waits for what the gate still needs. The core decides: its refusal is shown.
 */
export function SignoffForm({ gate, signoffs, component, gateRef, person, onSigned }: SignoffFormProps) {
  const { t, locale } = useI18n();
  const api = useApi();
  const identities = useCall('identity.list', {});
  const [role, setRole] = useState<SigningRole | null>(null);
  const [comment, setComment] = useState('');
  const action = useAction();
  const me = identities.data?.identities.find((i) => i.name === person) ?? null;
  const held = SIGNING_ROLES.filter((r) => me?.roles?.includes(r));
  const chosen = role !== null && held.includes(role) ? role : (held[0] ?? null);
  const blocked = approveBlockedBecause(t, gate, chosen);
  const name = person ?? '—';
  const mine = signoffs.findLast((s) => s.signer === person && s.role === chosen);

  const sign = async (decision: 'approve' | 'reject') => {
    if (!chosen) return;
    const signoff = await action.run(() => api.call('signoff.sign', { component, ref: gateRef, role: chosen, decision, comment: comment.trim() }));
    if (!signoff) return;
    setComment('');
    onSigned();
  };

  const cannot = !identities.data ? null : !me ? t('gateView.sign.noKey', { person: name }) : me.revoked ? t('gateView.sign.revoked', { person: name }) : me.roles === null ? t('gateView.sign.notInRoster', { person: name }) : held.length === 0 ? t('gateView.sign.noRole', { person: name }) : null;
  return (
    <section className="card signoff-form" data-testid="signoff-form">
      <header className="card-header">
        <h3>{t('gateView.sign.title', { person: name })}</h3>
      </header>
      {identities.error ? <ErrorNotice error={identities.error} /> : null}
      {cannot !== null ? (
        <p className="muted" data-testid="signoff-cannot">
          {cannot}
        </p>
      ) : null}
      {me && !me.unlocked && cannot === null ? <p className="notice small">{t('gateView.sign.locked', { person: name })}</p> : null}
      {chosen && cannot === null ? (
        <>
          <p className="muted small">{t('gateView.sign.hint')}</p>
          {mine ? (
            <p className="ok-text small" data-testid="signoff-mine">
              {t('gateView.sign.already', { decision: t(`gateView.decision.${mine.decision}`), role: roleName(t, mine.role), at: new Date(mine.signedAt).toLocaleString(locale) })}
            </p>
          ) : null}
          <label className="inline-label">
            <span>{t('gateView.sign.role')}</span>
            <select value={chosen} onChange={(e) => setRole(e.target.value as SigningRole)} data-testid="signoff-role">
              {held.map((r) => (
                <option key={r} value={r}>
                  {roleName(t, r)}
                </option>
              ))}
            </select>
          </label>
          <label className="stacked-label">
            <span>{t('gateView.sign.comment')}</span>
            <textarea value={comment} rows={3} maxLength={5000} onChange={(e) => setComment(e.target.value)} data-testid="signoff-comment" />
          </label>
          <div className="form-actions">
            <button type="button" className="primary" disabled={action.busy || blocked !== null} onClick={() => void sign('approve')} data-testid="signoff-approve">
              {t('gateView.sign.approve')}
            </button>
            <button type="button" className="danger" disabled={action.busy || comment.trim() === ''} onClick={() => void sign('reject')} data-testid="signoff-reject">
              {t('gateView.sign.reject')}
            </button>
          </div>
          {blocked !== null ? (
            <p className="warn-text small" data-testid="signoff-blocked">
              {blocked}
            </p>
          ) : null}
          {comment.trim() === '' ? <p className="muted small">{t('gateView.sign.reasonNeeded')}</p> : null}
        </>
      ) : null}
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </section>
  );
}
