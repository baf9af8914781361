/**
 * The agreed term sheet as a printable draft of the transfer agreement, the legal contract (HTML,
 * served at /api/deals/:id/contract). Pure: every value that came from a person is HTML-escaped,
 * labels come from the shared vocabularies, money from formatMoney.
 */
import { type Currency, type ListingKind, type Locale, PROVINCES } from '../api-contract/enums';
import { findField } from '../api-contract/taxonomy';
import {
  DEAL_ROLE_LABELS,
  IP_STATUS_LABELS,
  LISTING_KIND_LABELS,
  ORGANIZATION_KIND_LABELS,
  TRANSFER_MODE_LABELS,
  labelOf,
} from '../api-contract/labels';
import { formatMoney } from '../fees';
import { AGREEMENT_DRAFT_TEXT } from './agreement-draft-text';
import { paymentSchedule } from './term-sheet-rules';

export interface AgreementParty {
  name: string;
  kind?: string;
  taxCode?: string;
  province?: string;
}

export interface AgreementDraftData {
  dealId: string;
  version: number;
  generatedAt: Date;
  seller: AgreementParty;
  buyer: AgreementParty;
  broker?: { name: string } | null;
  technology: {
    title: string;
    kind: ListingKind;
    field?: string;
    trl?: number;
    ipStatus?: string;
    transferMode?: string;
  };
  terms: {
    price: number;
    currency: Currency;
    royaltyPct?: number;
    exclusivity: boolean;
    territory?: string;
    durationMonths?: number;
    milestones: { title: string; dueDate?: string; amount?: number }[];
  };
  acceptances: { role: string; at?: string }[];
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function formatDay(iso: string | Date | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

function row(label: string, value: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

function partyTable(title: string, party: AgreementParty, locale: Locale): string {
  const t = AGREEMENT_DRAFT_TEXT[locale];
  const province = PROVINCES.find((p) => p.code === party.province)?.label[locale] ?? party.province;
  return [
    `<h3>${escapeHtml(title)}</h3><table>`,
    row(title, party.name),
    party.kind ? row(t.kind, labelOf(ORGANIZATION_KIND_LABELS, party.kind, locale)) : '',
    party.taxCode ? row(t.taxCode, party.taxCode) : '',
    province ? row(t.province, province) : '',
    '</table>',
  ].join('');
}

export function renderAgreementDraft(data: AgreementDraftData, locale: Locale): string {
  const t = AGREEMENT_DRAFT_TEXT[locale];
  const { technology: tech, terms } = data;
  const money = (amount: number) => formatMoney(amount, terms.currency, locale);
  const field = tech.field ? (findField(tech.field)?.label[locale] ?? tech.field) : '';
  const schedule = paymentSchedule(terms);
  const scheduleRow = (title: string, due: string, amount: string) =>
    `<tr><td>${escapeHtml(title)}</td><td>${escapeHtml(due)}</td><td>${escapeHtml(amount)}</td></tr>`;
  const balance =
    schedule.balanceOnSigning > 0
      ? scheduleRow(t.balanceOnSigning, '', money(schedule.balanceOnSigning))
      : '';
  const milestones = schedule.milestones.length
    ? `<table class="milestones"><thead><tr><th>${escapeHtml(t.milestone)}</th><th>${escapeHtml(t.dueDate)}</th><th>${escapeHtml(t.amount)}</th></tr></thead><tbody>${balance}${schedule.milestones
        .map((m) =>
          scheduleRow(m.title, formatDay(m.dueDate, locale), m.amount != null ? money(m.amount) : ''),
        )
        .join('')}</tbody></table>`
    : `<p>${escapeHtml(t.noMilestones)}</p>`;
  const acceptances = data.acceptances
    .map(
      (a) =>
        `<li>${escapeHtml(labelOf(DEAL_ROLE_LABELS, a.role, locale))} ${escapeHtml(t.acceptedOn)} ${escapeHtml(formatDay(a.at, locale))}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(t.title)} — ${escapeHtml(tech.title)}</title>
<style>
body{font-family:"Times New Roman",serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
header{text-align:center}h1{font-size:1.3rem;margin:1.5rem 0 .25rem}h2{font-size:1.05rem;margin-top:1.5rem}h3{font-size:1rem;margin:.75rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.25rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th[scope=row]{width:40%;font-weight:normal;background:#f4f4f4}
.signatures{display:flex;justify-content:space-between;margin-top:3rem;text-align:center}.signatures div{width:45%}.muted{color:#555;font-size:.9rem}
@media print{body{margin:0}}
</style>
</head>
<body>
<header>
<p><strong>${escapeHtml(t.nation)}</strong><br>${escapeHtml(t.motto)}</p>
<h1>${escapeHtml(t.title)}</h1>
<p class="muted">${escapeHtml(t.draftNotice(data.version))}</p>
<p class="muted">${escapeHtml(t.reference)}: ${escapeHtml(data.dealId)} · ${escapeHtml(t.generatedOn)}: ${escapeHtml(formatDay(data.generatedAt, locale))}</p>
</header>
<section>
<h2>${escapeHtml(t.partiesHeading)}</h2>
${partyTable(t.seller, data.seller, locale)}
${partyTable(t.buyer, data.buyer, locale)}
${data.broker ? `<table>${row(t.broker, data.broker.name)}</table>` : ''}
</section>
<section>
<h2>${escapeHtml(t.technologyHeading)}</h2>
<table>
${row(t.technology, tech.title)}
${row(t.listingKind, labelOf(LISTING_KIND_LABELS, tech.kind, locale))}
${field ? row(t.field, field) : ''}
${tech.trl ? row(t.trl, String(tech.trl)) : ''}
${tech.ipStatus ? row(t.ipStatus, labelOf(IP_STATUS_LABELS, tech.ipStatus, locale)) : ''}
${tech.transferMode ? row(t.transferMode, labelOf(TRANSFER_MODE_LABELS, tech.transferMode, locale)) : ''}
</table>
</section>
<section>
<h2>${escapeHtml(t.termsHeading)}</h2>
<table>
${row(t.price, money(terms.price))}
${row(t.royalty, terms.royaltyPct != null ? `${terms.royaltyPct} %` : t.notSet)}
${row(t.exclusivity, terms.exclusivity ? t.exclusive : t.nonExclusive)}
${row(t.territory, terms.territory || t.notSet)}
${row(t.duration, terms.durationMonths ? t.months(terms.durationMonths) : t.notSet)}
</table>
</section>
<section>
<h2>${escapeHtml(t.milestonesHeading)}</h2>
${milestones}
</section>
<section>
<h2>${escapeHtml(t.acceptanceHeading)}</h2>
<ul>${acceptances}</ul>
</section>
<h2>${escapeHtml(t.signaturesHeading)}</h2>
<section class="signatures">
<div><strong>${escapeHtml(t.seller)}</strong><br><span class="muted">${escapeHtml(t.signatureHint)}</span><br><br><br>${escapeHtml(data.seller.name)}</div>
<div><strong>${escapeHtml(t.buyer)}</strong><br><span class="muted">${escapeHtml(t.signatureHint)}</span><br><br><br>${escapeHtml(data.buyer.name)}</div>
</section>
<p class="muted">${escapeHtml(t.disclaimer)}</p>
</body>
</html>
`;
}
