/** Documents: deal documents, access requests, and organizations' evidence. */
export { registerDocumentRoutes } from './document.routes';
export { evidenceViews } from './organization-evidence.service';
