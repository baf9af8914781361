import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { acquireRoomSocket, releaseRoomSocket } from '../negotiation/roomSocket';
import { NotificationItem } from './NotificationItem';
import { listNotifications, markAllRead, markRead, type NotificationPage } from './notificationsApi';
import './notifications.css';

/** `/notifications`: your notifications, newest first; new ones appear as they arrive. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unreadOnly = params.get('unread') === 'true';
  const [data, setData] = useState<NotificationPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('notifications.title'));

  const load = useCallback(
    (signal?: AbortSignal) =>
      listNotifications({ page, unread: unreadOnly, lang: locale }, signal)
        .then((loaded) => {
          setData(loaded);
          setError(null);
        })
        .catch((err: unknown) => {
          if (!signal?.aborted) setError(err);
        }),
    [page, unreadOnly, locale],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const socket = acquireRoomSocket();
    const onNotification = () => void load();
    socket.on('notification', onNotification);
    return () => {
      controller.abort();
      socket.off('notification', onNotification);
      releaseRoomSocket();
    };
  }, [load]);

  const act = (work: Promise<void>) => work.then(() => load()).catch((err: unknown) => setError(err));
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
