import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import { isAdmin, useAuth } from '../auth';

/** Inside RequireAuth: operators see the page, everyone else a plain refusal. */
export function RequireAdmin() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!isAdmin(user)) {
    return (
      <Notice tone="warning" testId="forbidden">
        {t('errors.forbidden')}
      </Notice>
    );
  }
  return <Outlet />;
}
