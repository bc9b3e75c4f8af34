import { useState } from 'react';
import { useApi } from '../../app/api-context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { manifestFileName, saveTextFile } from './trust-format.js';
import { useAction } from '../../app/use-action.js';

/** The release's signed manifest (a DSSE envelope) saved as `<component>-<ref>.manifest.json`. */
export function ManifestButton({ component, gateRef, refName }: { component: string; gateRef: string; refName: string }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const fileName = manifestFileName(component, refName);

  const download = async () => {
    setSaved(null);
    const exported = await action.run(() => api.call('manifest.export', { component, ref: gateRef }));
    if (!exported) return;
    saveTextFile(fileName, `${JSON.stringify(exported.manifest, null, 2)}\n`, 'application/json');
    setSaved(fileName);
  };

  return (
    <>
      <button type="button" onClick={() => void download()} disabled={action.busy} title={t('gateView.manifest.hint')} data-testid="manifest-download">
        {t('gateView.manifest.download')}
      </button>
      {saved ? (
        <span className="ok-text small" data-testid="manifest-saved">
          {t('gateView.manifest.saved', { file: saved })}
        </span>
      ) : null}
      {action.error ? <ErrorNotice error={action.error} onDismiss={action.dismiss} /> : null}
    </>
  );
}
