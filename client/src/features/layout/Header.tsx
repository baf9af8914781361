import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';
import { NotificationBell } from '../notifications';

/** Top strip (tagline, language), brand row (name, account) and the navigation bar; on phones the last two fold behind "Menu". */
export function Header() {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className={`site-header${menuOpen ? ' menu-open' : ''}`}>
      <div className="header-top">
        <div className="container header-top-inner">
          <span>{t('app.tagline')}</span>
          <LanguageSwitcher />
        </div>
      </div>
      <div className="container header-main">
        <Link to="/" className="brand" data-testid="brand">
          <span className="brand-mark" aria-hidden="true">
            ⬢
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        {/* On phones the account folds behind the menu; the unread count stays in sight. */}
        <span className="header-bell">
          <NotificationBell testId="notification-bell-phone" />
        </span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-nav site-user"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
        </button>
        <div id="site-user" className="header-user">
          <UserMenu />
        </div>
      </div>
      <div id="site-nav" className="nav-bar">
        <div className="container">
          <MainNav onNavigate={() => setMenuOpen(false)} />
        </div>
      </div>
    </header>
  );
}
