import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import './federation.css';

/** The two lists of inquiries across exchanges: those my organization sent, and those it received. */
export function InquiryTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const tabs = [
    { to: '/my/inquiries', label: t('federation.mine.sentTab'), testId: 'inquiries-tab-sent' },
    {
      to: '/my/inquiries/received',
      label: t('federation.mine.receivedTab'),
      testId: 'inquiries-tab-received',
    },
  ];
  return (
    <nav className="page-links inquiry-tabs" aria-label={t('federation.mine.tabs')}>
      {tabs.map((tab, i) => (
        <span key={tab.to}>
          {i > 0 && ' · '}
          <Link
            to={tab.to}
            aria-current={pathname === tab.to ? 'page' : undefined}
            className={pathname === tab.to ? 'active' : ''}
            data-testid={tab.testId}
          >
            {tab.label}
          </Link>
        </span>
      ))}
    </nav>
  );
}
