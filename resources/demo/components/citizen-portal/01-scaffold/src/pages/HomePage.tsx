import { useI18n } from '../i18n';

export default function HomePage() {
  const { t } = useI18n();
  return (
    <section className="hero">
      <h1>{t('home.welcome')}</h1>
      <p className="hero__subtitle">{t('home.subtitle')}</p>
    </section>
  );
}
