import { Link } from 'react-router-dom';
import { useI18n, type Language } from '../i18n';

const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

export default function Header() {
  const { t, language, setLanguage } = useI18n();
  return (
    <header className="header">
      <Link to="/" className="header__logo">
        Qyzmet
      </Link>
      <nav className="header__nav">
        <Link to="/">{t('nav.home')}</Link>
        <Link to="/login">{t('nav.login')}</Link>
      </nav>
      <div className="header__languages">
        {LANGUAGES.map((code) => (
          <button key={code} className={code === language ? 'active' : ''} onClick={() => setLanguage(code)}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
