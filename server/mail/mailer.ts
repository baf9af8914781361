/**
 * Sends mail through SMTP (nodemailer) when SMTP_URL is set; otherwise writes each mail to the
 * log, so a development exchange works without a mail server. One transport per configuration.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import { logger } from '../common/logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

const mailers = new WeakMap<Config, Mailer>();

/** The mailer of this configuration, created on first use. */
export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer {
  const key = config as Config;
  let mailer = mailers.get(key);
  if (!mailer) {
    mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : logMailer(config.mailFrom);
    mailers.set(key, mailer);
  }
  return mailer;
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

function logMailer(from: string): Mailer {
  return {
    kind: 'log',
    async send(message) {
      logger.info(
        { mail: { from, to: message.to, subject: message.subject, text: message.text } },
        'mail (no SMTP_URL)',
      );
    },
  };
}
