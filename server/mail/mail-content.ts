/** The text of a notification mail: one notification, or a day's notifications in one digest. */
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
