import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n';

const IIN_PATTERN = /^\d{12}$/;

export default function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [iin, setIin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!IIN_PATTERN.test(iin)) {
      setError(t('login.error'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(iin, password);
      const next = params.get('next');
      // Only local paths: never redirect to another origin after login.
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('login.error') : t('common.loadError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card login" onSubmit={onSubmit}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.iin')}
        <input value={iin} onChange={(e) => setIin(e.target.value.trim())} inputMode="numeric" maxLength={12} required />
      </label>
      <label>
        {t('login.password')}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
