import { Link, NavLink } from 'react-router-dom';
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
        <NavLink to="/">{t('nav.home')}</NavLink>
        <NavLink to="/services">{t('nav.services')}</NavLink>
        <NavLink to="/login">{t('nav.login')}</NavLink>
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
