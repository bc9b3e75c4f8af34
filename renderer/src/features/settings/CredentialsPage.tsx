import { useState } from 'react';
import type { WireError } from '../../../../shared/errors.js';
import { useApi } from '../../app/api-context.js';
import { toWire, useCall } from '../../app/use-call.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * Credentials for private remotes: where they come from (never the secrets themselves). The desktop app
 * stores new ones in the OS keychain; the CLI and web mode read them from the environment.
 */
export function CredentialsPage({ face }: { face: 'web' | 'electron' | 'cli' }) {
  const api = useApi();
  const { t } = useI18n();
  const list = useCall('credential.list', {});
  const [host, setHost] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<WireError | null>(null);

  const store = async () => {
    setError(null);
    try {
      await api.call('credential.store', { host: host.trim(), username: username.trim(), secret });
      setSecret('');
      list.reload();
    } catch (e) {
      setError(toWire(e));
    }
  };

  return (
    <div className="settings-page" data-testid="credentials-page">
      <section className="card">
        <header className="card-header">
          <h3>{t('settings.credentials')}</h3>
        </header>
        <p className="muted">{t('settings.credentialsHelp')}</p>
        {list.error ? <ErrorNotice error={list.error} /> : null}
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.host')}</th>
              <th>{t('settings.username')}</th>
              <th>{t('settings.origin')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data && list.data.credentials.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted">
                  {t('cli.credential.none')}
                </td>
              </tr>
            ) : null}
            {(list.data?.credentials ?? []).map((c) => (
              <tr key={`${c.origin}:${c.host}`}>
                <td className="mono">{c.host}</td>
                <td>{c.username}</td>
                <td>{c.variable ?? t('settings.keychain')}</td>
                <td>
                  {c.origin === 'keychain' ? (
                    <button type="button" className="link-button" onClick={() => void api.call('credential.remove', { host: c.host }).then(list.reload, (e: unknown) => setError(toWire(e)))}>
                      {t('settings.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {face === 'electron' ? (
          <div className="inline-form">
            <input value={host} onChange={(e) => setHost(e.target.value)} placeholder={t('settings.host')} aria-label={t('settings.host')} />
            <input value={username} onChange={(e) => setUsername(e.target.value)} placeholder={t('settings.username')} aria-label={t('settings.username')} />
            <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} placeholder={t('settings.secret')} aria-label={t('settings.secret')} autoComplete="off" />
            <button type="button" disabled={!host || !username || !secret} onClick={() => void store()}>
              {t('settings.store')}
            </button>
          </div>
        ) : (
          <p className="notice">{t('error.credentials.environmentOnly')}</p>
        )}
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    </div>
  );
}
