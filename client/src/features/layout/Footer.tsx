import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <div>
          <strong>{t('app.name')}</strong>
          <p>{t('footer.about')}</p>
        </div>
        <nav aria-label={t('footer.links')}>
          <ul>
            <li>
              <Link to="/search?kind=offer">{t('nav.offers')}</Link>
            </li>
            <li>
              <Link to="/search?kind=demand">{t('nav.demands')}</Link>
            </li>
            <li>
              <Link to="/#how-it-works">{t('home.how.title')}</Link>
            </li>
            <li>
              <Link to="/open-data" data-testid="footer-open-data">
                {t('openData.title')}
              </Link>
            </li>
          </ul>
        </nav>
        <p className="footer-copy">
          © {new Date().getFullYear()} {t('app.name')}
        </p>
      </div>
    </footer>
  );
}
