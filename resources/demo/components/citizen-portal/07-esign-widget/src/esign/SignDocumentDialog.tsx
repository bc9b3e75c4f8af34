import { useState } from 'react';
import { useI18n } from '../i18n';
import { NcaLayerClient } from './NcaLayerClient';

interface Props {
  /** The application form serialized by the server, base64-encoded. */
  documentBase64: string;
  onSigned: (cms: string) => void;
  onCancel: () => void;
}

export default function SignDocumentDialog({ documentBase64, onSigned, onCancel }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function sign() {
    setBusy(true);
    setError(null);
    const client = new NcaLayerClient();
    try {
      await client.connect();
      const cms = await client.signCms('PKCS12', documentBase64);
      onSigned(cms);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      client.close();
      setBusy(false);
    }
  }

  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="sign-title">
      <h2 id="sign-title">{t('esign.title')}</h2>
      <p>{t('esign.instructions')}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog__actions">
        <button onClick={onCancel} disabled={busy}>
          {t('esign.cancel')}
        </button>
        <button className="primary" onClick={sign} disabled={busy}>
          {t('esign.sign')}
        </button>
      </div>
    </div>
  );
}
