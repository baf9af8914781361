import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { NotificationBell } from '../notifications';

export function UserMenu() {
  const { t } = useTranslation();
  const { status, user, logout } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  if (status === 'loading') return <div className="user-menu" aria-hidden="true" />;

  if (!user) {
    return (
      <div className="user-menu">
        <Link to="/login" className="btn btn-ghost" data-testid="nav-login">
          {t('login.title')}
        </Link>
        <Link to="/register" className="btn btn-primary" data-testid="nav-register">
          {t('register.title')}
        </Link>
      </div>
    );
  }

  async function onLogout() {
    setBusy(true);
    try {
      await logout();
    } catch {
      // The session is dropped on this side either way.
    } finally {
      setBusy(false);
      navigate('/');
    }
  }

  return (
    <div className="user-menu">
      <NotificationBell />
      <Link to="/account" className="user-identity" title={t('account.title')} data-testid="nav-account">
        <span className="user-name" data-testid="user-name">
          {user.name}
        </span>
        <span className="user-org" data-testid="user-org">
          {user.organization?.name ?? t('account.noOrganizationShort')}
        </span>
      </Link>
      <button type="button" className="btn btn-ghost" onClick={onLogout} disabled={busy} data-testid="logout">
        {t('nav.logout')}
      </button>
    </div>
  );
}
