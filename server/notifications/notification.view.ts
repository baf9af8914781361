import type { Locale } from '../api-contract/enums';
import type { NotificationDoc } from './notification.model';

/** A notification as the API and the socket event show it, in one language. */
export interface NotificationView {
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

/** What a notification's view is made of. */
export type ShownNotification = Pick<
  NotificationDoc,
  '_id' | 'userId' | 'type' | 'title' | 'body' | 'link' | 'data' | 'readAt' | 'createdAt'
>;

export function notificationView(doc: ShownNotification, locale: Locale): NotificationView {
  return {
    id: String(doc._id),
    type: doc.type,
    title: doc.title?.[locale] || doc.title?.vi || '',
    body: doc.body?.[locale] || doc.body?.vi || '',
    link: doc.link ?? null,
    data: (doc.data as Record<string, unknown>) ?? {},
    read: Boolean(doc.readAt),
    readAt: doc.readAt ? doc.readAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
  };
}
