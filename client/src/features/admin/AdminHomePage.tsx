import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <ul className="card-links">
        <li>
          <Link to="/admin/queue" className="card" data-testid="admin-queue-link">
            <h2>{t('review.queueTitle')}</h2>
            <p>{t('review.queueIntro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/organizations" className="card" data-testid="admin-orgs-link">
            <h2>{t('admin.organizations.title')}</h2>
            <p>{t('admin.organizations.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/payments" className="card" data-testid="admin-payments-link">
            <h2>{t('payments.admin.title')}</h2>
            <p>{t('payments.admin.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/payouts" className="card" data-testid="admin-payouts-link">
            <h2>{t('payments.payouts.title')}</h2>
            <p>{t('payments.payouts.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/stats" className="card" data-testid="admin-stats-link">
            <h2>{t('stats.title')}</h2>
            <p>{t('stats.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/capabilities" className="card" data-testid="admin-capabilities-link">
            <h2>{t('capability.admin.title')}</h2>
            <p>{t('capability.admin.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/appraisals" className="card" data-testid="admin-appraisals-link">
            <h2>{t('appraisals.desk.title')}</h2>
            <p>{t('appraisals.desk.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/milestones" className="card" data-testid="admin-overdue-link">
            <h2>{t('deals.overdueList.title')}</h2>
            <p>{t('deals.overdueList.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/partners" className="card" data-testid="admin-partners-link">
            <h2>{t('federation.partners.title')}</h2>
            <p>{t('federation.partners.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/api-keys" className="card" data-testid="admin-api-keys-link">
            <h2>{t('federation.apiKeys.title')}</h2>
            <p>{t('federation.apiKeys.intro')}</p>
          </Link>
        </li>
        <li>
          <Link to="/admin/events" className="card" data-testid="admin-events-link">
            <h2>{t('events.admin.title')}</h2>
            <p>{t('events.admin.intro')}</p>
          </Link>
        </li>
      </ul>
    </section>
  );
}
