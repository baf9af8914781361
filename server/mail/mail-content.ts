/** The text of the mails: a notification, a day's notifications in one digest, a password reset link. */
import type { Label } from '../api-contract/taxonomy';
import type { Locale } from '../api-contract/enums';

export interface MailItem {
  title: Label;
  body?: Label | null;
  link?: string | null;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  vi: {
    digestSubject: (n: number) => `Sàn giao dịch công nghệ: ${n} thông báo mới trong ngày`,
    greeting: (name: string) => `Xin chào ${name},`,
    digestIntro: 'Đây là các thông báo mới của bạn:',
    open: 'Xem',
    footer: 'Bạn có thể đổi cách nhận thông báo trong trang tài khoản.',
  },
  en: {
    digestSubject: (n: number) => `Technology exchange: ${n} new notifications today`,
    greeting: (name: string) => `Hello ${name},`,
    digestIntro: 'Here are your new notifications:',
    open: 'Open',
    footer: 'You can change how you are notified on your account page.',
  },
} as const;

export function composeNotificationMail(
  recipient: { name: string; locale: Locale },
  items: readonly MailItem[],
  publicUrl: string,
): MailContent {
  const words = WORDS[recipient.locale] ?? WORDS.vi;
  const locale = recipient.locale in WORDS ? recipient.locale : 'vi';
  const url = (link?: string | null) => (link ? new URL(link, publicUrl).toString() : undefined);
  const lines = items.map((item) => ({
    title: item.title[locale],
    body: item.body?.[locale] ?? '',
    url: url(item.link),
  }));
  const subject = lines.length === 1 ? lines[0].title : words.digestSubject(lines.length);
  const textItems = lines.map((l) =>
    [`• ${l.title}`, l.body && `  ${l.body}`, l.url && `  ${l.url}`].filter(Boolean).join('\n'),
  );
  const text = [
    words.greeting(recipient.name),
    '',
    ...(lines.length > 1 ? [words.digestIntro, ''] : []),
    textItems.join('\n\n'),
    '',
    words.footer,
  ].join('\n');
  const htmlItems = lines
    .map(
      (l) =>
        `<li><strong>${escapeHtml(l.title)}</strong>${l.body ? `<br>${escapeHtml(l.body)}` : ''}` +
        `${l.url ? `<br><a href="${escapeHtml(l.url)}">${words.open}</a>` : ''}</li>`,
    )
    .join('');
  const html =
    `<p>${escapeHtml(words.greeting(recipient.name))}</p>` +
    (lines.length > 1 ? `<p>${words.digestIntro}</p>` : '') +
    `<ul>${htmlItems}</ul><p><small>${words.footer}</small></p>`;
  return { subject, text, html };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const RESET_WORDS = {
  vi: {
    subject: 'Đặt lại mật khẩu — Sàn giao dịch công nghệ',
    greeting: (name: string) => `Xin chào ${name},`,
    intro:
      'Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu tài khoản của bạn. Mở liên kết sau để đặt mật khẩu mới:',
    open: 'Đặt mật khẩu mới',
    expiry: (minutes: number) => `Liên kết chỉ dùng được một lần và hết hạn sau ${minutes} phút.`,
    ignore: 'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.',
  },
  en: {
    subject: 'Reset your password — Technology exchange',
    greeting: (name: string) => `Hello ${name},`,
    intro:
      'Someone (probably you) asked to reset the password of your account. Open this link to choose a new one:',
    open: 'Choose a new password',
    expiry: (minutes: number) => `The link works once and expires in ${minutes} minutes.`,
    ignore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  },
} as const;

/** The mail that carries a password reset link, in the recipient's language. */
export function composePasswordResetMail(
  recipient: { name: string; locale: Locale },
  link: string,
  expiresInMinutes: number,
): MailContent {
  const words = RESET_WORDS[recipient.locale] ?? RESET_WORDS.vi;
  const text = [
    words.greeting(recipient.name),
    '',
    words.intro,
    link,
    '',
    words.expiry(expiresInMinutes),
    words.ignore,
  ].join('\n');
  const html =
    `<p>${escapeHtml(words.greeting(recipient.name))}</p>` +
    `<p>${escapeHtml(words.intro)}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a><br>${escapeHtml(link)}</p>` +
    `<p>${escapeHtml(words.expiry(expiresInMinutes))}<br>${escapeHtml(words.ignore)}</p>`;
  return { subject: words.subject, text, html };
}
