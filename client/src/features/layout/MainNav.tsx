import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isAdmin, useAuth } from '../auth';

interface NavItem {
  to: string;
  label: string;
  testId: string;
  isActive: (path: string, search: URLSearchParams) => boolean;
}

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const onSearch = (path: string) => path === '/search';

  const items: NavItem[] = [
    {
      to: '/search',
      label: t('nav.search'),
      testId: 'nav-search',
      isActive: (p, s) => onSearch(p) && !s.get('kind'),
    },
    {
      to: '/search?kind=offer',
      label: t('nav.offers'),
      testId: 'nav-offers',
      isActive: (p, s) => (onSearch(p) && s.get('kind') === 'offer') || p.startsWith('/offers'),
    },
    {
      to: '/search?kind=demand',
      label: t('nav.demands'),
      testId: 'nav-demands',
      isActive: (p, s) => (onSearch(p) && s.get('kind') === 'demand') || p.startsWith('/demands'),
    },
    {
      to: '/capabilities',
      label: t('nav.capabilities'),
      testId: 'nav-capabilities',
      isActive: (p) => p === '/capabilities',
    },
    {
      to: '/experts',
      label: t('nav.experts'),
      testId: 'nav-experts',
      isActive: (p) => p.startsWith('/experts'),
    },
    {
      to: '/events',
      label: t('nav.events'),
      testId: 'nav-events',
      isActive: (p) => p.startsWith('/events'),
    },
  ];
  if (user) {
    items.push(
      {
        to: '/my/listings',
        label: t('nav.myListings'),
        testId: 'nav-my-listings',
        isActive: (p) => p === '/my/listings',
      },
      {
        to: '/my/deals',
        label: t('nav.myDeals'),
        testId: 'nav-my-deals',
        isActive: (p) => p.startsWith('/my/deals'),
      },
      {
        to: '/appraisals',
        label: t('nav.appraisals'),
        testId: 'nav-appraisals',
        isActive: (p) => p.startsWith('/appraisals'),
      },
    );
  }
  // Inquiries across exchanges, sent and received: members of a verified organization.
  if (user?.organization?.verified && user.membershipStatus === 'active') {
    items.push({
      to: '/my/inquiries',
      label: t('nav.inquiries'),
      testId: 'nav-inquiries',
      isActive: (p) => p.startsWith('/my/inquiries'),
    });
  }
  if (user?.organization?.kind === 'enterprise' && user.membershipStatus === 'active') {
    items.push({
      to: '/capability',
      label: t('nav.capability'),
      testId: 'nav-capability',
      isActive: (p) => p === '/capability',
    });
  }
  if (user?.role === 'broker') {
    items.push({
      to: '/broker',
      label: t('nav.broker'),
      testId: 'nav-broker',
      isActive: (p) => p.startsWith('/broker'),
    });
  }
  if (user?.role === 'broker' || user?.role === 'expert') {
    items.push({
      to: '/payouts',
      label: t('payments.myPayouts.nav'),
      testId: 'nav-payouts',
      isActive: (p) => p.startsWith('/payouts'),
    });
  }
  if (isAdmin(user)) {
    items.push({
      to: '/admin',
      label: t('nav.admin'),
      testId: 'nav-admin',
      isActive: (p) => p.startsWith('/admin') && !p.startsWith('/admin/stats'),
    });
    items.push({
      to: '/admin/stats',
      label: t('nav.stats'),
      testId: 'nav-stats',
      isActive: (p) => p.startsWith('/admin/stats'),
    });
  }

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => {
          const active = item.isActive(pathname, params);
          return (
            <li key={item.testId}>
              <Link
                to={item.to}
                className={active ? 'active' : ''}
                aria-current={active ? 'page' : undefined}
                data-testid={item.testId}
                onClick={onNavigate}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
