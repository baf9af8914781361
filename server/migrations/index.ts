/** Every data migration, in the order they run, and their runner. Append; never edit or remove one that shipped. */
import { listingRevisionMarks } from './001-listing-revision-marks';
import { dealReferences } from './002-deal-references';
import type { Migration } from './migration.store';

export const MIGRATIONS: readonly Migration[] = [listingRevisionMarks, dealReferences];

export { runMigrations } from './migration.store';
