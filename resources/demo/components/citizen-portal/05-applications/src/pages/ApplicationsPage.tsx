import { useState } from 'react';
import { listMyApplications, withdrawApplication, type Application } from '../api/applications';
import StatusBadge from '../components/StatusBadge';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

function formatDate(value: string | null, language: string): string {
  return value ? new Date(value).toLocaleDateString(language === 'en' ? 'en-GB' : `${language}-KZ`) : '—';
}

export default function ApplicationsPage() {
  const { t, language } = useI18n();
  const [page, setPage] = useState(0);
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useApi(() => listMyApplications(page), [page, reload]);

  async function onWithdraw(application: Application) {
    if (!window.confirm(t('applications.confirmWithdraw', { number: application.number }))) return;
    await withdrawApplication(application.id);
    setReload((n) => n + 1);
  }

  if (loading) return <p>{t('common.loading')}</p>;
  if (error) return <p className="form-error">{t('common.loadError')}</p>;

  return (
    <section>
      <h1>{t('applications.title')}</h1>
      {data && data.items.length === 0 && <p>{t('applications.empty')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('applications.number')}</th>
            <th>{t('applications.service')}</th>
            <th>{t('applications.submitted')}</th>
            <th>{t('applications.deadline')}</th>
            <th>{t('applications.statusColumn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.items.map((a) => (
            <tr key={a.id}>
              <td>{a.number}</td>
              <td>{a.serviceTitle}</td>
              <td>{formatDate(a.submittedAt, language)}</td>
              <td>{formatDate(a.deadline, language)}</td>
              <td>
                <StatusBadge status={a.status} />
                {a.comment && <p className="muted">{a.comment}</p>}
              </td>
              <td>
                {(a.status === 'SUBMITTED' || a.status === 'NEEDS_INFO') && (
                  <button onClick={() => onWithdraw(a)}>{t('applications.withdraw')}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.total > (page + 1) * data.size && (
        <button onClick={() => setPage(page + 1)}>{t('common.more')}</button>
      )}
    </section>
  );
}
