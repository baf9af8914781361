import type { ApiRouter } from '../common/api-router';
import { idParams } from '../common/ids';
import { getNotificationPrefs } from '../auth';
import { listNotifications, markAllRead, markRead } from './notification.service';
import {
  langOnlyQuery,
  listNotificationsQuery,
  notificationListResponse,
  notificationResponse,
  readAllResponse,
  settingsResponse,
} from './notification.schemas';
import { viewerLocale } from '../common/viewer-locale';

const tag = 'Notifications';

export function registerNotificationRoutes(api: ApiRouter): void {
  api.add({
    method: 'get',
    path: '/notifications',
    tag,
    summary: 'Your notifications, newest first, with the number unread',
    access: 'user',
    query: listNotificationsQuery,
    response: notificationListResponse,
    cacheAnswers: { clearOn: ['notification', 'owner-list'] },
    handler: ({ user, query }) => listNotifications(user, query, viewerLocale(user, query.lang)),
  });

  api.add({
    method: 'get',
    path: '/notifications/settings',
    tag,
    summary: 'How you are notified (change it with PATCH /api/auth/me {notificationPrefs})',
    access: 'user',
    response: settingsResponse,
    handler: async ({ user }) => ({ notificationPrefs: await getNotificationPrefs(user.id) }),
  });

  api.add({
    method: 'post',
    path: '/notifications/read-all',
    tag,
    summary: 'Mark all your notifications read',
    access: 'user',
    response: readAllResponse,
    handler: ({ user }) => markAllRead(user),
  });

  api.add({
    method: 'post',
    path: '/notifications/:id/read',
    tag,
    summary: 'Mark one of your notifications read',
    access: 'user',
    params: idParams,
    query: langOnlyQuery,
    response: notificationResponse,
    handler: async ({ user, params, query }) => ({
      notification: await markRead(user, params.id, viewerLocale(user, query.lang)),
    }),
  });
}
