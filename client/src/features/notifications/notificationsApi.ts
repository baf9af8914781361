/** The notification endpoints, and the notification settings saved on the account. */
import type { Locale } from '@contract/enums';
import { api } from '../../api';
import type { User } from '../../types';

export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  notifications: AppNotification[];
  unread: number;
  total: number;
  page: number;
  limit: number;
}

export interface NotificationPrefs {
  email: boolean;
  frequency: 'instant' | 'daily';
}

/** Fired on `window` when this tab changed what is read, so the bell can recount. */
export const NOTIFICATIONS_CHANGED = 'techexchange:notifications-changed';

export function listNotifications(
  opts: { page?: number; unread?: boolean; limit?: number; lang?: Locale },
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return api<NotificationPage>('/api/notifications', {
    query: { page: opts.page, unread: opts.unread ? 'true' : undefined, limit: opts.limit, lang: opts.lang },
    signal,
  });
}

export async function markRead(id: string): Promise<void> {
  await api(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export async function markAllRead(): Promise<void> {
  await api('/api/notifications/read-all', { method: 'POST' });
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export async function getNotificationPrefs(signal?: AbortSignal): Promise<NotificationPrefs> {
  return (await api<{ notificationPrefs: NotificationPrefs }>('/api/notifications/settings', { signal }))
    .notificationPrefs;
}

export async function saveNotificationPrefs(prefs: NotificationPrefs): Promise<User> {
  return (await api<{ user: User }>('/api/auth/me', { method: 'PATCH', body: { notificationPrefs: prefs } }))
    .user;
}
