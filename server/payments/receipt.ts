/** A printable receipt of a paid fee, in Vietnamese or English. Pure; every value is escaped. */
import type { Currency, Locale } from '../api-contract/enums';
import {
  PAYMENT_PROVIDER_LABELS,
  PAYMENT_PURPOSE_LABELS,
  PAYMENT_STATUS_LABELS,
  labelOf,
} from '../api-contract/labels';
import { formatMoney } from '../fees';

export interface ReceiptData {
  receiptNumber: string;
  paidAt: Date;
  payerOrgName: string;
  /** What was paid for: the deal (or the appraisal) and its id. */
  subject?: 'deal' | 'appraisal' | 'auction' | 'call' | 'listing';
  dealId: string;
  dealTitle: string;
  purpose: string;
  amount: number;
  currency: Currency;
  provider: string;
  reference: string;
  status: string;
  providerId?: string;
}

const TEXT = {
  vi: {
    title: 'Biên lai thanh toán',
    exchange: 'Sàn giao dịch công nghệ',
    number: 'Số biên lai',
    date: 'Ngày thanh toán',
    payer: 'Bên thanh toán',
    deal: 'Giao dịch',
    appraisal: 'Yêu cầu thẩm định',
    auction: 'Phiên đấu giá',
    call: 'Đợt gọi hồ sơ đề xuất',
    listing: 'Tin đăng',
    purpose: 'Khoản phí',
    amount: 'Số tiền',
    provider: 'Phương thức',
    reference: 'Mã tham chiếu',
    providerId: 'Mã giao dịch của nhà cung cấp',
    status: 'Trạng thái',
    print: 'Dùng chức năng In của trình duyệt để in hoặc lưu biên lai này.',
  },
  en: {
    title: 'Payment receipt',
    exchange: 'Technology Exchange',
    number: 'Receipt number',
    date: 'Date paid',
    payer: 'Paid by',
    deal: 'Deal',
    appraisal: 'Appraisal request',
    auction: 'Auction',
    call: 'Call for proposals',
    listing: 'Listing',
    purpose: 'Fee',
    amount: 'Amount',
    provider: 'Method',
    reference: 'Reference',
    providerId: "Provider's transaction id",
    status: 'Status',
    print: "Use your browser's Print command to print or save this receipt.",
  },
} as const;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderReceiptHtml(data: ReceiptData, locale: Locale): string {
  const t = TEXT[locale];
  const date = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(data.paidAt);
  const rows: [string, string][] = [
    [t.number, data.receiptNumber],
    [t.date, date],
    [t.payer, data.payerOrgName],
    [data.subject ? t[data.subject] : t.deal, `${data.dealTitle} (${data.dealId})`],
    [t.purpose, labelOf(PAYMENT_PURPOSE_LABELS, data.purpose, locale)],
    [t.amount, formatMoney(data.amount, data.currency, locale)],
    [t.provider, labelOf(PAYMENT_PROVIDER_LABELS, data.provider, locale)],
    [t.reference, data.reference],
    ...(data.providerId ? ([[t.providerId, data.providerId]] as [string, string][]) : []),
    [t.status, labelOf(PAYMENT_STATUS_LABELS, data.status, locale)],
  ];
  const body = rows
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${t.title} ${data.receiptNumber}`)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;color:#111}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
th{width:40%;font-weight:600}.note{color:#555;font-size:.9rem}@media print{.note{display:none}}
</style>
</head>
<body>
<p>${escapeHtml(t.exchange)}</p>
<h1>${escapeHtml(t.title)}</h1>
<table data-receipt-number="${escapeHtml(data.receiptNumber)}">
${body}
</table>
<p class="note">${escapeHtml(t.print)}</p>
</body>
</html>
`;
}
