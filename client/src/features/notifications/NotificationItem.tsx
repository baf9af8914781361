import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import type { AppNotification } from './notificationsApi';

interface Props {
  notification: AppNotification;
  onRead(id: string): void;
}

export function NotificationItem({ notification: n, onRead }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li
      className={`notification-item${n.read ? '' : ' unread'}`}
      data-testid="notification"
      data-read={n.read}
    >
      <div>
        <h2 className="notification-title">
          {n.link ? (
            <Link to={n.link} onClick={() => !n.read && onRead(n.id)}>
              {n.title}
            </Link>
          ) : (
            n.title
          )}
        </h2>
        {n.body && <p>{n.body}</p>}
        <p className="muted">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
        </p>
      </div>
      {!n.read && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => onRead(n.id)}
          data-testid="mark-read"
        >
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
