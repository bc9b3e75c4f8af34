import { useState } from 'react';
import type { ReportFormat } from '../../../../shared/contract/reports.js';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { saveBase64File } from './trust-format.js';
import { useAction } from '../../app/use-action.js';

/**
 * The release report (gate, sign-offs, findings, coverage, inventory) in the reader's language, saved as HTML
 * or as a PDF the core prints with Chromium. The file name is the core's, made of safe characters only.
 */
export function ReportButtons({ component, gateRef }: { component: string; gateRef: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const action = useAction();
  const [working, setWorking] = useState<ReportFormat | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const download = async (format: ReportFormat) => {
    setSaved(null);
    setWorking(format);
    const report = await action.run(() => api.call('report.render', { component, ref: gateRef, locale, format }));
    setWorking(null);
    if (!report) return;
    saveBase64File(report.fileName, report.base64, report.mimeType);
    setSaved(report.fileName);
  };

  return (
    <>
      {(['html', 'pdf'] as const).map((format) => (
        <button key={format} type="button" onClick={() => void download(format)} disabled={action.busy} title={t('gateView.report.hint')} data-testid={`report-${format}`}>
          {working === format ? t('gateView.report.working') : t(format === 'html' ? 'gateView.report.html' : 'gateView.report.pdf')}
        </button>
      ))}
      {saved ? (
        <span className="ok-text small" data-testid="report-saved">
          {t('gateView.manifest.saved', { file: saved })}
        </span>
      ) : null}
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </>
  );
}
