import type { PublicService } from '../api/services';
import { useI18n } from '../i18n';

interface Props {
  service: PublicService;
}

export default function ServiceCard({ service }: Props) {
  const { t, language } = useI18n();
  return (
    <article className="card service-card">
      <h3>{service.title[language]}</h3>
      <dl>
        <dt>{t('services.processing')}</dt>
        <dd>{t('services.days', { count: service.processingDays })}</dd>
        <dt>{t('services.fee')}</dt>
        <dd>{service.feeKzt === 0 ? t('services.free') : `${service.feeKzt.toLocaleString('ru-RU')} ₸`}</dd>
      </dl>
      {service.online && <span className="badge badge--online">{t('services.online')}</span>}
    </article>
  );
}
