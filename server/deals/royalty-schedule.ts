/**
 * When a royalty licence's reports fall due. Pure.
 *
 * The licensee reports its net sales per calendar period: monthly (`2026-07`) or quarterly
 * (`2026-Q3`), as the agreed term sheet's `royaltyReporting` says, quarterly when it says nothing.
 * Periods are calendar months and quarters in Vietnam's time (UTC+7, no daylight saving). The
 * first period is the one in which the terms were agreed; a licence with a duration
 * (`durationMonths`) has no period starting after it ends. A period's report is due once the
 * period has ended; it counts as filed when its own report was filed, or, for a quarter, the
 * reports of its three months, or, for a month, its quarter's.
 */
import type { RoyaltyCadence } from '../api-contract/enums';

export const DEFAULT_ROYALTY_CADENCE: RoyaltyCadence = 'quarterly';

const VN_OFFSET_MS = 7 * 3_600_000;
/** A bound on the periods walked (a century of months): no licence runs longer. */
const MAX_PERIODS = 1200;

/** The reporting cadence the agreed terms set, quarterly when they set none. */
export function royaltyCadenceOf(sheet: { royaltyReporting?: string | null } | undefined): RoyaltyCadence {
  return sheet?.royaltyReporting === 'monthly' ? 'monthly' : DEFAULT_ROYALTY_CADENCE;
}

/** Midnight in Vietnam starting month `month` (0-based; overflow rolls into later years) of `year`. */
const vnMonthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - VN_OFFSET_MS);

function vnYearMonth(at: Date): { year: number; month: number } {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period (`2026-07` or `2026-Q3`) holding the instant, in Vietnam's calendar. */
export function periodContaining(at: Date, cadence: RoyaltyCadence): string {
  const { year, month } = vnYearMonth(at);
  return cadence === 'monthly' ? `${year}-${pad(month + 1)}` : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** The first and last month (0-based) of a period, and its year. */
function monthsOf(period: string): { year: number; first: number; count: number } {
  const [y, p] = period.split('-');
  const year = Number(y);
  if (p.startsWith('Q')) return { year, first: (Number(p.slice(1)) - 1) * 3, count: 3 };
  return { year, first: Number(p) - 1, count: 1 };
}

/** When the period starts and ends (exclusive), as instants. */
export function periodBounds(period: string): { start: Date; end: Date } {
  const { year, first, count } = monthsOf(period);
  return { start: vnMonthStart(year, first), end: vnMonthStart(year, first + count) };
}

/** The period right after this one, of the same cadence. */
export function nextPeriod(period: string): string {
  const { end } = periodBounds(period);
  return periodContaining(end, period.includes('Q') ? 'quarterly' : 'monthly');
}

/** When a licence of `durationMonths` agreed at `agreedAt` ends; null when it runs without end. */
export function licenceEndsAt(agreedAt: Date, durationMonths: number | null | undefined): Date | null {
  if (!durationMonths || durationMonths <= 0) return null;
  const end = new Date(agreedAt);
  end.setUTCMonth(end.getUTCMonth() + durationMonths);
  return end;
}

export interface RoyaltyTerms {
  /** When the terms were agreed: the first period is the one holding it. */
  agreedAt: Date;
  cadence: RoyaltyCadence;
  /** When the licence ends (no period starting at or after it is reported); null: never. */
  endsAt?: Date | null;
}

const withinLicence = (period: string, endsAt: Date | null | undefined) =>
  !endsAt || periodBounds(period).start < endsAt;

/** The periods whose reports are due by `now`: each period of the licence that has ended, oldest first. */
export function periodsDue(terms: RoyaltyTerms, now: Date): string[] {
  const due: string[] = [];
  let period = periodContaining(terms.agreedAt, terms.cadence);
  while (due.length < MAX_PERIODS && withinLicence(period, terms.endsAt)) {
    if (periodBounds(period).end > now) break;
    due.push(period);
    period = nextPeriod(period);
  }
  return due;
}

/**
 * When the next period of the licence ends after `now` (when the reminder looks again); null
 * when no period of the licence is left to end.
 */
export function nextPeriodEnd(terms: RoyaltyTerms, now: Date): Date | null {
  const from = now > terms.agreedAt ? now : terms.agreedAt;
  const period = periodContaining(from, terms.cadence);
  if (!withinLicence(period, terms.endsAt)) return null;
  return periodBounds(period).end;
}

/** Whether the reports filed (their periods) cover the period. */
export function periodFiled(period: string, filed: readonly string[]): boolean {
  if (filed.includes(period)) return true;
  const { year, first, count } = monthsOf(period);
  if (count === 3) {
    return [0, 1, 2].every((i) => filed.includes(`${year}-${pad(first + i + 1)}`));
  }
  return filed.includes(`${year}-Q${Math.floor(first / 3) + 1}`);
}

/** The ended periods of the licence with no report filed for them, oldest first. */
export function periodsToRemind(terms: RoyaltyTerms, filed: readonly string[], now: Date): string[] {
  return periodsDue(terms, now).filter((p) => !periodFiled(p, filed));
}

/** When the deal's terms were agreed: its timeline's move to `agreed`; null when it never was. */
export function agreementTime(deal: {
  timeline?: readonly { at?: Date | string | null; to?: string | null }[] | null;
}): Date | null {
  const entry = (deal.timeline ?? []).find((e) => e?.to === 'agreed');
  return entry?.at ? new Date(entry.at) : null;
}

/**
 * The reporting terms of a deal's agreed term sheet: null when the sheet sets no royalty (or the
 * deal was never agreed). `fallbackAgreedAt` stands in for a deal whose timeline names no agreement.
 */
export function royaltyTermsOf(
  deal: {
    agreedVersion?: number | null;
    termSheets?: readonly {
      royaltyPct?: number | null;
      royaltyReporting?: string | null;
      durationMonths?: number | null;
    }[];
    timeline?: Parameters<typeof agreementTime>[0]['timeline'];
  },
  fallbackAgreedAt: Date,
): RoyaltyTerms | null {
  const sheet = deal.agreedVersion ? deal.termSheets?.[deal.agreedVersion - 1] : undefined;
  if (!sheet?.royaltyPct || sheet.royaltyPct <= 0) return null;
  const agreedAt = agreementTime(deal) ?? fallbackAgreedAt;
  return {
    agreedAt,
    cadence: royaltyCadenceOf(sheet),
    endsAt: licenceEndsAt(agreedAt, sheet.durationMonths),
  };
}
