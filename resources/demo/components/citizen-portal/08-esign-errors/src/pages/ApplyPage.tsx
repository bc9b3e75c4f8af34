import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { apiRequest } from '../api/client';
import { getService } from '../api/services';
import SignDocumentDialog from '../esign/SignDocumentDialog';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

interface Draft {
  id: string;
  /** Canonical XML of the filled form, base64-encoded, exactly as the server will verify it. */
  documentBase64: string;
}

export default function ApplyPage() {
  const { code = '' } = useParams();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { data: service } = useApi(() => getService(code), [code]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [phone, setPhone] = useState('');

  async function prepare() {
    const created = await apiRequest<Draft>('/applications/drafts', {
      method: 'POST',
      body: JSON.stringify({ serviceCode: code, form: { contactPhone: phone } }),
    });
    setDraft(created);
  }

  async function submit(cms: string) {
    if (!draft) return;
    await apiRequest<void>(`/applications/drafts/${encodeURIComponent(draft.id)}/submit`, {
      method: 'POST',
      body: JSON.stringify({ signature: cms }),
    });
    navigate('/applications');
  }

  if (!service) return <p>{t('common.loading')}</p>;

  return (
    <section className="card">
      <h1>{service.title[language]}</h1>
      <label>
        {t('apply.phone')}
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+7 7__ ___ __ __" />
      </label>
      <button className="primary" onClick={prepare} disabled={phone.length < 10}>
        {t('apply.continue')}
      </button>
      {draft && <SignDocumentDialog documentBase64={draft.documentBase64} onSigned={submit} onCancel={() => setDraft(null)} />}
    </section>
  );
}
