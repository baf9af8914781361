import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { useUnreadCount } from './useUnreadCount';
import './notifications.css';

/** The header's bell: the number of unread notifications, live; opens the notification list. */
export function NotificationBell({ testId = 'notification-bell' }: { testId?: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const count = useUnreadCount(!!user);
  if (!user) return null;
  const unread = count ?? 0;
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={t('notifications.bell', { count: unread })}
      title={t('notifications.bell', { count: unread })}
      data-testid={testId}
    >
      <svg
        className="bell-icon"
        viewBox="0 0 24 24"
        width="22"
        height="22"
        aria-hidden="true"
        focusable="false"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {unread > 0 && (
        <span className="bell-count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
