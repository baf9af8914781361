/** Mail: the transport, the mails' wording, and when digests are due. */
export { mailerFor } from './mailer';
export { composeNotificationMail, composePasswordResetMail } from './mail-content';
export { nextDigestAt, nextMailerRunIn } from './digest-schedule';
