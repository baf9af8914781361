import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { useLocale } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { acquireRoomSocket, releaseRoomSocket } from '../negotiation';
import { NotificationItem } from './NotificationItem';
import { listNotifications, markAllRead, markRead } from './notificationsApi';
import { askAfterLastSignal, notificationsChanged } from './notificationSignals';
import './notifications.css';

/** `/notifications`: your notifications, newest first; new ones appear as they arrive. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unreadOnly = params.get('unread') === 'true';
  const [actionError, setError] = useState<unknown>(null);
  useDocumentTitle(t('notifications.title'));
  const queryClient = useQueryClient();
  const notifications = useQuery({
    queryKey: queryKeys.notificationPage({ page, unread: unreadOnly, lang: locale }),
    queryFn: ({ signal }) =>
      askAfterLastSignal(
        queryClient,
        () => listNotifications({ page, unread: unreadOnly, lang: locale }, signal),
        signal,
      ),
  });
  const data = notifications.data;
  const error = actionError ?? notifications.error;

  useEffect(() => {
    const socket = acquireRoomSocket();
    const onNotification = () => void notificationsChanged(queryClient);
    socket.on('notification', onNotification);
    return () => {
      socket.off('notification', onNotification);
      releaseRoomSocket();
    };
  }, [queryClient]);

  const act = (work: Promise<void>) =>
    work
      .then(() => setError(null))
      .then(() => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }))
      .catch((err: unknown) => setError(err));
  const query = (p: number, unread = unreadOnly) => {
    const q = new URLSearchParams();
    if (p > 1) q.set('page', String(p));
    if (unread) q.set('unread', 'true');
    const s = q.toString();
    return `/notifications${s ? `?${s}` : ''}`;
  };

  return (
    <section className="notifications-page">
      <h1>{t('notifications.title')}</h1>
      <div className="notification-tools">
        <span data-testid="unread-total">
          {data ? t('notifications.unreadCount', { count: data.unread }) : ''}
        </span>
        <Link to={query(1, !unreadOnly)} data-testid="toggle-unread">
          {unreadOnly ? t('notifications.showAll') : t('notifications.showUnread')}
        </Link>
        {data && data.unread > 0 && (
          <button
            type="button"
            className="btn btn-small btn-secondary"
            onClick={() => act(markAllRead())}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </button>
        )}
        <Link to="/account#notification-settings">{t('notifications.settingsLink')}</Link>
        <Link to="/alerts">{t('alerts.title')}</Link>
      </div>
      <ErrorAlert error={error} />
      {!data && !error && <Loading />}
      {data && data.notifications.length === 0 && (
        <p className="empty-state" data-testid="notifications-empty">
          {t('notifications.empty')}
        </p>
      )}
      {data && data.notifications.length > 0 && (
        <ol className="notification-list" data-testid="notification-list">
          {data.notifications.map((n) => (
            <NotificationItem key={n.id} notification={n} onRead={(id) => act(markRead(id))} />
          ))}
        </ol>
      )}
      {data && (
        <Pagination page={page} pageCount={Math.ceil(data.total / data.limit)} hrefFor={(p) => query(p)} />
      )}
    </section>
  );
}
