import { useI18n } from '../i18n';

export default function Footer() {
  const { t } = useI18n();
  return (
    <footer className="footer">
      <span>© {new Date().getFullYear()} Qyzmet</span>
      <span>{t('footer.support')}</span>
    </footer>
  );
}
