/** Notifications: creating them (one or grouped), their routes, mails and digests, and the notices of published listings, revision decisions and failed jobs. */
export { startDigestMailer } from './digest-mailer.starter';
export { alertOperatorsOfFailedJob } from './failed-job-alert';
export { registerNotificationRoutes } from './notification.routes';
export { createGroupedNotification, createNotification } from './notification.service';
export { notificationReads, rekeyPublicationNotices } from './notification.store';
export { startPublishListener } from './publish-listener.starter';
export { notifyRevisionDecision } from './revision-notices';
