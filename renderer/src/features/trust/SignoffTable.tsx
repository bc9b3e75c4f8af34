import type { Signoff } from '../../../../shared/contract/trust.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { roleName } from './gate-wording.js';
import { shortHex } from './trust-format.js';
import { TableHead } from './TableParts.js';

/** Who signed this release, as what, and what they said (comments are plain text). */
export function SignoffTable({ signoffs }: { signoffs: readonly Signoff[] }) {
  const { t, locale } = useI18n();
  if (signoffs.length === 0) return <p className="muted">{t('gateView.noSignoffs')}</p>;
  return (
    <table className="data-table signoff-table" data-testid="signoff-table">
      <TableHead titles={[t('gateView.column.signer'), t('gateView.column.role'), t('gateView.column.decision'), t('gateView.column.comment'), t('gateView.column.time'), t('gateView.column.key')]} />
      <tbody>
        {signoffs.map((s) => (
          <tr key={s.id} data-testid="signoff-row" data-signer={s.signer}>
            <td>{s.signer}</td>
            <td>{roleName(t, s.role)}</td>
            <td>
              <span className={`pill ${s.decision === 'approve' ? 'ok' : 'danger'}`}>{t(`gateView.decision.${s.decision}`)}</span>
            </td>
            <td className="signoff-comment">{s.comment}</td>
            <td className="signed-at">
              <span>{new Date(s.signedAt).toLocaleDateString(locale)}</span> <span>{new Date(s.signedAt).toLocaleTimeString(locale)}</span>
            </td>
            <td className="mono key-cell" title={s.keyid}>
              {shortHex(s.keyid)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
