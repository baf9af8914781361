/** Saved searches (alerts): their routes, and which of them a newly published listing satisfies. */
export { registerAlertRoutes } from './alert.routes';
export { alertListingFromDoc } from './alert-match';
export { alertsMatchingListing } from './alert.service';
