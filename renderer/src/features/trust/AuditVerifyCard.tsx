import type { AuditReport } from '../../../../shared/contract/trust.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OperationProgress } from '../../components/OperationProgress.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { problemKindName } from './audit-wording.js';
import { shortHex } from './trust-format.js';
import { useAuditVerify } from './use-audit-verify.js';
import { TableHead } from './TableParts.js';

/** Check the whole log (chain, signatures, roles, every table rebuilt from the events), with progress and cancel. */
export function AuditVerifyCard() {
  const { t, locale } = useI18n();
  const verify = useAuditVerify();
  const p = verify.running?.progress ?? null;
  return (
    <section className="card" data-testid="audit-verify-card">
      <header className="card-header">
        <h3>{t('auditView.verify.title')}</h3>
        <button type="button" className="primary" onClick={verify.start} disabled={verify.running !== null} data-testid="audit-verify">
          {verify.running ? t('auditView.verify.running') : t('auditView.verify.run')}
        </button>
      </header>
      <p className="muted small">{t('auditView.verify.hint')}</p>
      {verify.running ? (
        <OperationProgress
          label={t('auditView.verify.running')}
          phase={p?.phase === 'projections' ? t('auditView.verify.phase.projections') : t('auditView.verify.phase.signatures')}
          progress={p}
          cancelling={verify.running.cancelling}
          onCancel={verify.cancel}
          testId="audit-progress"
          cancelTestId="audit-cancel"
        />
      ) : null}
      {verify.error ? <ErrorNotice error={verify.error} /> : null}
      {verify.report ? <AuditResult report={verify.report} locale={locale} /> : null}
    </section>
  );
}

function AuditResult({ report, locale }: { report: AuditReport; locale: string }) {
  const { t } = useI18n();
  const seconds = report.seconds.toLocaleString(locale, { maximumFractionDigits: 2 });
  return (
    <div data-testid="audit-result" data-ok={report.ok}>
      {report.ok ? (
        <p className="ok-text">✓ {t('auditView.verify.ok', { events: report.events, seconds })}</p>
      ) : (
        <p className="danger-text">{t('auditView.verify.problems', { count: report.problems.length, events: report.events, seconds })}</p>
      )}
      {report.trustRoot ? (
        <p className="muted small" title={report.trustRoot}>
          {t('rosterView.trustRoot', { keyid: shortHex(report.trustRoot) })}
        </p>
      ) : null}
      {report.problems.length > 0 ? (
        <table className="data-table trust-table" data-testid="audit-problems">
          <TableHead titles={[t('auditView.verify.column.kind'), t('auditView.verify.column.event'), t('auditView.verify.column.table'), t('auditView.verify.column.detail')]} />
          <tbody>
            {report.problems.map((problem, i) => (
              <tr key={i} data-testid="audit-problem" data-kind={problem.kind}>
                <td>{problemKindName(t, problem.kind)}</td>
                <td className="mono">{problem.event ?? '—'}</td>
                <td className="mono">{problem.table ?? '—'}</td>
                <td className="mono small problem-detail">{problem.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
