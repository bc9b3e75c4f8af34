import { useState } from 'react';
import { useI18n } from '../i18n';
import { NcaLayerClient, NcaLayerError, type StorageType } from './NcaLayerClient';

interface Props {
  /** The application form serialized by the server, base64-encoded. */
  documentBase64: string;
  onSigned: (cms: string) => void;
  onCancel: () => void;
}

const STORAGE_LABELS: Record<StorageType, string> = {
  PKCS12: 'esign.storage.file',
  AKKaztokenStore: 'esign.storage.kaztoken',
  AKKZIDCardStore: 'esign.storage.idcard',
};

export default function SignDocumentDialog({ documentBase64, onSigned, onCancel }: Props) {
  const { t } = useI18n();
  const [storage, setStorage] = useState<StorageType>('PKCS12');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function sign() {
    setBusy(true);
    setError(null);
    const client = new NcaLayerClient();
    try {
      await client.connect();
      const cms = await client.signCms(storage, documentBase64);
      onSigned(cms);
    } catch (e) {
      if (e instanceof NcaLayerError && e.reason === 'cancelled') return;
      setError(e instanceof NcaLayerError ? t(`esign.error.${e.reason}`) : t('esign.error.unknown'));
    } finally {
      client.close();
      setBusy(false);
    }
  }

  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="sign-title">
      <h2 id="sign-title">{t('esign.title')}</h2>
      <p>{t('esign.instructions')}</p>
      <fieldset disabled={busy}>
        {(Object.keys(STORAGE_LABELS) as StorageType[]).map((type) => (
          <label key={type}>
            <input type="radio" name="storage" checked={storage === type} onChange={() => setStorage(type)} />
            {t(STORAGE_LABELS[type])}
          </label>
        ))}
      </fieldset>
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
