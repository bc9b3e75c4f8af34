import { useState } from 'react';
import { listServices, type ServiceCategory } from '../api/services';
import ServiceCard from '../components/ServiceCard';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';

const CATEGORIES: ServiceCategory[] = ['family', 'housing', 'business', 'health', 'education', 'transport'];

export default function ServicesPage() {
  const { t } = useI18n();
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const [query, setQuery] = useState('');
  const { data, error, loading } = useApi(() => listServices({ category, query }), [category, query]);

  return (
    <section>
      <h1>{t('services.title')}</h1>
      <div className="filters">
        <input
          type="search"
          placeholder={t('services.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select value={category ?? ''} onChange={(e) => setCategory((e.target.value || undefined) as ServiceCategory | undefined)}>
          <option value="">{t('services.allCategories')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`services.category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {loading && <p>{t('common.loading')}</p>}
      {error && <p className="form-error">{t('common.loadError')}</p>}
      <div className="grid">
        {data?.items.map((service) => <ServiceCard key={service.code} service={service} />)}
      </div>
    </section>
  );
}
