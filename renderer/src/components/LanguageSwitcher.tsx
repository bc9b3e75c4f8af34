import { LOCALES, type Locale } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/i18n-context.js';

export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l: Locale) => (
        <button key={l} type="button" className={l === locale ? 'active' : ''} aria-pressed={l === locale} onClick={() => setLocale(l)} data-testid={`locale-${l}`}>
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
