/** When each demo listing was created, submitted and published: spread over the last months. Pure. */
const DAY_MS = 24 * 3600 * 1000;
/** Published demo listings spread over about this many days before seeding. */
const SPREAD_DAYS = 180;

export interface ListingDates {
  createdAt: Date;
  updatedAt: Date;
  createdMonth: string;
  submittedAt?: Date;
  publishedAt?: Date;
}

/** `index` of `count` listings; the same inputs always give the same dates. */
export function demoListingDates(status: string, index: number, count: number, now: Date): ListingDates {
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
  if (status === 'draft') {
    const createdAt = daysAgo(1 + (index % 10));
    return withMonth({ createdAt, updatedAt: createdAt });
  }
  if (status === 'pending_review') {
    const createdAt = daysAgo(3 + (index % 7));
    const submittedAt = new Date(now.getTime() - (index + 1) * 3600 * 1000);
    return withMonth({ createdAt, updatedAt: submittedAt, submittedAt });
  }
  // Newest first in the demo data's order, a couple of days apart.
  const published = 2 + Math.floor((index * SPREAD_DAYS) / Math.max(1, count)) + (index % 3) / 4;
  const publishedAt = daysAgo(published);
  const submittedAt = daysAgo(published + 1);
  const createdAt = daysAgo(published + 2 + (index % 5));
  return withMonth({ createdAt, updatedAt: publishedAt, submittedAt, publishedAt });
}

export function daysFromNow(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

function withMonth(d: Omit<ListingDates, 'createdMonth'>): ListingDates {
  return { ...d, createdMonth: d.createdAt.toISOString().slice(0, 7) };
}
