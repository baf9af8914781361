/**
 * Keeps the read models' owner lists in step with the records of every component: above the
 * domains (it reads their stores), so that the read models themselves import none of them.
 */
export {
  ensureOwnerLists,
  followRecordChanges,
  markOwnerListsStale,
  rebuildOwnerLists,
} from './owner-list-sync';
