import { Link, NavLink } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useI18n, type Language } from '../i18n';

const LANGUAGES: Language[] = ['kk', 'ru', 'en'];

export default function Header() {
  const { t, language, setLanguage } = useI18n();
  const { isAuthenticated, logout } = useAuth();
  return (
    <header className="header">
      <Link to="/" className="header__logo">
        Qyzmet
      </Link>
      <nav className="header__nav">
        <NavLink to="/">{t('nav.home')}</NavLink>
        <NavLink to="/services">{t('nav.services')}</NavLink>
        {isAuthenticated && <NavLink to="/applications">{t('nav.applications')}</NavLink>}
      </nav>
      {isAuthenticated ? (
        <button className="header__logout" onClick={logout}>
          {t('nav.logout')}
        </button>
      ) : (
        <NavLink to="/login">{t('nav.login')}</NavLink>
      )}
      <div className="header__languages" role="group" aria-label="Language">
        {LANGUAGES.map((code) => (
          <button key={code} className={code === language ? 'active' : ''} aria-pressed={code === language} onClick={() => setLanguage(code)}>
            {code.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
