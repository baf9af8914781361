/**
 * Publication notices are read by `_id` (their key) since the catch-up stopped filtering the
 * notices by key; those of the last two hours (the catch-up looks back one) are recorded again
 * so, lest their listings be notified twice.
 */
import { rekeyPublicationNotices } from '../notifications';
import type { Migration } from './migration.store';

export const publicationNoticeIds: Migration = {
  id: '003-publication-notice-ids',
  description: "the last two hours' publication notices are keyed by _id",
  async up() {
    await rekeyPublicationNotices(new Date(Date.now() - 2 * 3_600_000));
  },
};
