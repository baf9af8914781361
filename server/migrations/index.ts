/** Every data migration, in the order they run, and their runner. Append; never edit or remove one that shipped. */
import { listingRevisionMarks } from './001-listing-revision-marks';
import { dealReferences } from './002-deal-references';
import { publicationNoticeIds } from './003-publication-notice-ids';
import type { Migration } from './migration.store';

export const MIGRATIONS: readonly Migration[] = [listingRevisionMarks, dealReferences, publicationNoticeIds];

export { runMigrations } from './migration.store';
