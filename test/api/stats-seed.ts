/**
 * A database seeded straight through the driver across five months, three fields and three
 * provinces (listings, bids, deals with term sheets and timelines, some delivering their
 * milestones, brokers, paid and pending fees), and the figures of any period counted from the
 * seed itself, independently of the statistics' code.
 */
import mongoose from 'mongoose';

export const FIELDS = ['engineering_technology', 'agricultural_sciences', 'medical_health'] as const;
export const PROVINCES = ['ha_noi', 'da_nang', 'ho_chi_minh'] as const;
const STARTS = ['2025-11-03', '2025-12-05', '2026-01-07', '2026-02-09', '2026-03-11'];
const DAY = 86_400_000;
const STATUSES = ['published', 'draft', 'closed', 'published', 'withdrawn'] as const;
/** Two sub-fields of each field; one listing in four names none. */
const SUB_FIELDS: Record<string, readonly string[]> = {
  engineering_technology: ['environmental_engineering', 'chemical_engineering'],
  agricultural_sciences: ['crop_science', 'animal_dairy_science'],
  medical_health: ['basic_medicine', 'clinical_medicine'],
};
/** The agreed sheet's transfer mode; undefined: a sheet from before sheets named one (a licence). */
const MODES = ['co_development', undefined, 'assignment', 'license_exclusive'] as const;

export interface SeedListing {
  _id: mongoose.Types.ObjectId;
  kind: 'offer' | 'demand';
  field: string;
  province: string;
  status: string;
  createdAt: Date;
  publishedAt?: Date;
  subField?: string;
}
export interface SeedDeal {
  _id: mongoose.Types.ObjectId;
  listing: SeedListing;
  status: string;
  createdAt: Date;
  agreedAt?: Date;
  closedAt?: Date;
  price?: number;
  currency?: string;
  /** As the agreed sheet names it (absent: counted as a non-exclusive licence). */
  transferMode?: string;
  broker?: mongoose.Types.ObjectId;
}
export interface Seed {
  listings: SeedListing[];
  firstBids: { listing: SeedListing; at: Date }[];
  deals: SeedDeal[];
  fees: { at: Date; amount: number; currency: string }[];
  brokers: { _id: mongoose.Types.ObjectId; name: string }[];
}

const month = (d: Date) => d.toISOString().slice(0, 7);

export async function seedStatistics(): Promise<Seed> {
  const db = mongoose.connection.db!;
  const org = new mongoose.Types.ObjectId();
  const user = new mongoose.Types.ObjectId();
  const brokers = [
    { _id: new mongoose.Types.ObjectId(), name: 'Nguyễn Môi Giới' },
    { _id: new mongoose.Types.ObjectId(), name: 'Trần Kết Nối' },
  ];
  await db.collection('users').insertMany(
    brokers.map((b, i) => ({
      ...b,
      email: `broker${i}-${b._id}@example.vn`,
      role: 'broker',
      passwordHash: 'x',
    })),
  );
  const listings: SeedListing[] = [];
  for (let i = 0; i < 90; i++) {
    const createdAt = new Date(new Date(`${STARTS[i % 5]}T08:00:00Z`).getTime() + (i % 11) * DAY);
    const status = STATUSES[(i >> 1) % 5];
    const field = FIELDS[i % 3 === 2 ? (i >> 2) % 3 : i % 3];
    listings.push({
      _id: new mongoose.Types.ObjectId(),
      kind: i % 3 === 2 ? 'demand' : 'offer',
      field,
      ...(i % 4 === 3 ? {} : { subField: SUB_FIELDS[field][(i >> 3) % 2] }),
      province: PROVINCES[(i >> 1) % 3],
      status,
      createdAt,
      publishedAt: status === 'draft' ? undefined : new Date(createdAt.getTime() + (i % 9) * DAY),
    });
  }
  for (const kind of ['offer', 'demand'] as const) {
    await db.collection(`${kind}s`).insertMany(
      listings
        .filter((l) => l.kind === kind)
        .map((l) => ({
          _id: l._id,
          organizationId: org,
          createdBy: user,
          title: `Công nghệ ${l._id}`,
          field: l.field,
          ...(l.subField ? { subField: l.subField } : {}),
          province: l.province,
          status: l.status,
          createdAt: l.createdAt,
          updatedAt: l.createdAt,
          createdMonth: month(l.createdAt),
          ...(l.publishedAt ? { publishedAt: l.publishedAt } : {}),
          ...(kind === 'offer' ? { trl: 6 } : {}),
        })),
    );
  }
  const published = listings.filter((l) => l.publishedAt);
  const bids: Record<string, unknown>[] = [];
  const firstBids: Seed['firstBids'] = [];
  published.forEach((l, i) => {
    if (i % 3 === 1) return;
    const first = new Date(l.publishedAt!.getTime() + (i % 7) * DAY + 3600_000);
    firstBids.push({ listing: l, at: first });
    for (const at of i % 2 ? [first, new Date(first.getTime() + 2 * DAY)] : [first]) {
      bids.push({
        listingKind: l.kind,
        listingId: l._id,
        listingTitle: 'x',
        listingOwnerOrgId: org,
        bidderOrgId: new mongoose.Types.ObjectId(),
        createdBy: user,
        amount: 1000,
        currency: 'VND',
        transferMode: 'assignment',
        status: 'submitted',
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  await db.collection('bids').insertMany(bids);

  const deals: SeedDeal[] = [];
  published.forEach((l, i) => {
    if (i % 2 === 1) return;
    const createdAt = new Date(l.publishedAt!.getTime() + (3 + (i % 5)) * DAY);
    // 0,2: negotiating; 4: agreed; 6: closed won, or (one in two) paid and still delivering its milestones
    const stage = i % 8;
    const deal: SeedDeal = {
      _id: new mongoose.Types.ObjectId(),
      listing: l,
      status:
        stage === 4
          ? 'awaiting_payment'
          : stage === 6
            ? i % 16 === 14
              ? 'delivering'
              : 'closed_won'
            : 'negotiating',
      createdAt,
      broker: i % 3 === 0 ? brokers[(i >> 2) % 2]._id : undefined,
    };
    if (stage >= 4) {
      deal.agreedAt = new Date(createdAt.getTime() + (2 + (i % 6)) * DAY);
      deal.price = 1_000_000 * (i + 1);
      deal.currency = i % 5 === 0 ? 'USD' : 'VND';
      deal.transferMode = MODES[(i >> 3) % 4];
    }
    if (deal.status === 'closed_won')
      deal.closedAt = new Date(deal.agreedAt!.getTime() + (10 + (i % 4)) * DAY);
    deals.push(deal);
  });
  await db.collection('deals').insertMany(
    deals.map((d) => ({
      _id: d._id,
      listingKind: d.listing.kind,
      [d.listing.kind === 'offer' ? 'offerId' : 'demandId']: d.listing._id,
      listingTitle: 'x',
      sellerOrgId: org,
      buyerOrgId: new mongoose.Types.ObjectId(),
      createdBy: user,
      field: d.listing.field,
      status: d.status,
      createdAt: d.createdAt,
      updatedAt: d.closedAt ?? d.agreedAt ?? d.createdAt,
      createdMonth: month(d.createdAt),
      ...(d.broker ? { brokerUserId: d.broker } : {}),
      latestVersion: d.price ? 1 : 0,
      ...(d.price
        ? {
            agreedVersion: 1,
            termSheets: [
              {
                version: 1,
                price: d.price,
                currency: d.currency,
                exclusivity: d.transferMode === 'license_exclusive',
                ...(d.transferMode ? { transferMode: d.transferMode } : {}),
                proposedBy: user,
                proposedByRole: 'seller',
                acceptedBy: [],
                milestones: d.status === 'delivering' ? [{ title: 'Bàn giao hồ sơ', amount: d.price }] : [],
                createdAt: d.createdAt,
              },
            ],
          }
        : { termSheets: [] }),
      // An agreement signed whose transfer is not completed: its milestone delivered, not yet accepted.
      ...(d.status === 'delivering'
        ? {
            delivery: [
              {
                n: 1,
                title: 'Bàn giao hồ sơ',
                amount: d.price,
                currency: d.currency,
                status: 'delivered',
                deliveredAt: new Date(d.agreedAt!.getTime() + 5 * DAY),
              },
            ],
          }
        : {}),
      timeline: [
        { at: d.createdAt, event: 'opened', to: 'negotiating' },
        ...(d.agreedAt ? [{ at: d.agreedAt, event: 'agree', from: 'negotiating', to: 'agreed' }] : []),
        ...(d.status === 'delivering'
          ? [
              {
                at: new Date(d.agreedAt!.getTime() + DAY),
                event: 'start_delivery',
                from: 'awaiting_payment',
                to: 'delivering',
              },
            ]
          : []),
        ...(d.closedAt
          ? [{ at: d.closedAt, event: 'close_won', from: 'awaiting_payment', to: 'closed_won' }]
          : []),
      ],
      ...(d.closedAt ? { closedAt: d.closedAt } : {}),
    })),
  );
  const fees: Seed['fees'] = [];
  const payments: Record<string, unknown>[] = [];
  for (const d of deals.filter((x) => x.price)) {
    const amount = Math.round((d.price! * 2) / 100);
    // Won deals paid their fee when they closed; delivering ones when they started delivering.
    const paidAt =
      d.closedAt ?? (d.status === 'delivering' ? new Date(d.agreedAt!.getTime() + DAY) : undefined);
    const paid = paidAt !== undefined;
    if (paid) fees.push({ at: paidAt, amount, currency: d.currency! });
    payments.push({
      dealId: d._id,
      purpose: 'success_fee',
      payer: 'buyer',
      payerOrgId: org,
      amount,
      currency: d.currency,
      provider: 'bank_transfer',
      status: paid ? 'paid' : 'pending',
      createdBy: user,
      ...(paid ? { paidAt } : {}),
    });
  }
  await db.collection('payments').insertMany(payments);
  return { listings, firstBids, deals, fees, brokers };
}

const inMonths = (at: Date | undefined, months: string[]) => !!at && months.includes(month(at));
const tally = <T>(items: T[], key: (t: T) => string, n: (t: T) => number = () => 1) => {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + n(t);
  return out;
};
const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY);
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1];
};

const modeOf = (d: SeedDeal) => d.transferMode ?? 'license_non_exclusive';

/** The figures of the months `months`, counted from the seed. */
export function expectedFigures(seed: Seed, months: string[]) {
  const created = seed.listings.filter((l) => inMonths(l.createdAt, months));
  const breakdown = (items: SeedListing[]) => ({
    total: items.length,
    byField: tally(items, (l) => l.field),
    byStatus: tally(items, (l) => l.status),
    byMonth: tally(items, (l) => month(l.createdAt)),
    byProvince: tally(items, (l) => l.province),
  });
  const published = seed.listings.filter((l) => inMonths(l.publishedAt, months));
  const firstBids = seed.firstBids.filter((b) => inMonths(b.at, months));
  const opened = seed.deals.filter((d) => inMonths(d.createdAt, months));
  const agreed = seed.deals.filter((d) => inMonths(d.agreedAt, months));
  const won = seed.deals.filter((d) => d.status === 'closed_won' && inMonths(d.closedAt, months));
  const fees = seed.fees.filter((f) => inMonths(f.at, months));
  const brokerRows = seed.brokers
    .map((b) => ({
      userId: String(b._id),
      name: b.name,
      deals: opened.filter((d) => String(d.broker) === String(b._id)).length,
      closedWon: won.filter((d) => String(d.broker) === String(b._id)).length,
    }))
    .filter((b) => b.deals + b.closedWon > 0);
  const fields = [...new Set(published.map((l) => l.field))].sort();
  return {
    offers: breakdown(created.filter((l) => l.kind === 'offer')),
    demands: breakdown(created.filter((l) => l.kind === 'demand')),
    deals: {
      total: opened.length,
      byField: tally(opened, (d) => d.listing.field),
      byStatus: tally(opened, (d) => d.status),
      byMonth: tally(opened, (d) => month(d.createdAt)),
      byProvince: tally(opened, (d) => d.listing.province),
    },
    funnel: {
      published: published.length,
      withBids: firstBids.length,
      dealsOpened: opened.length,
      agreed: agreed.length,
      closedWon: won.length,
    },
    medianDays: {
      firstBid: median(firstBids.map((b) => days(b.listing.publishedAt!, b.at))),
      dealOpened: median(opened.map((d) => days(d.listing.publishedAt!, d.createdAt))),
      agreed: median(agreed.map((d) => days(d.createdAt, d.agreedAt!))),
      closedWon: median(won.map((d) => days(d.agreedAt!, d.closedAt!))),
    },
    dealValue: tally(
      agreed,
      (d) => d.currency!,
      (d) => d.price!,
    ),
    agreedValueByField: Object.fromEntries(
      [...new Set(agreed.map((d) => d.listing.field))].map((f) => [
        f,
        tally(
          agreed.filter((d) => d.listing.field === f),
          (d) => d.currency!,
          (d) => d.price!,
        ),
      ]),
    ),
    agreedValueByMonth: Object.fromEntries(
      [...new Set(agreed.map((d) => month(d.agreedAt!)))].map((m) => [
        m,
        tally(
          agreed.filter((d) => month(d.agreedAt!) === m),
          (d) => d.currency!,
          (d) => d.price!,
        ),
      ]),
    ),
    paidFees: {
      count: fees.length,
      byCurrency: tally(
        fees,
        (f) => f.currency,
        (f) => f.amount,
      ),
    },
    brokers: brokerRows,
    subFields: [...new Set(seed.listings.flatMap((l) => (l.subField ? [l.subField] : [])))]
      .sort()
      .map((subField) => {
        const of = (kind: string, items: SeedListing[]) =>
          items.filter((l) => l.kind === kind && l.subField === subField).length;
        return {
          subField,
          offers: of('offer', created),
          demands: of('demand', created),
          offersPublished: of('offer', published),
          demandsPublished: of('demand', published),
        };
      })
      .filter((r) => r.offers + r.demands + r.offersPublished + r.demandsPublished > 0),
    transferModes: [...new Set(agreed.map(modeOf))].sort().map((transferMode) => {
      const agreedHere = agreed.filter((d) => modeOf(d) === transferMode);
      return {
        transferMode,
        agreed: agreedHere.length,
        closedWon: won.filter((d) => modeOf(d) === transferMode).length,
        agreedValue: tally(
          agreedHere,
          (d) => d.currency!,
          (d) => d.price!,
        ),
      };
    }),
    // Agreements signed (terms agreed) apart from transfers completed (closed won), each in its month.
    transfers: {
      agreementsSigned: agreed.length,
      transfersCompleted: won.length,
      byMonth: [...months].sort().map((m) => ({
        key: m,
        agreementsSigned: agreed.filter((d) => month(d.agreedAt!) === m).length,
        transfersCompleted: won.filter((d) => month(d.closedAt!) === m).length,
      })),
      byField: [...new Set([...agreed, ...won].map((d) => d.listing.field))].sort().map((field) => ({
        key: field,
        agreementsSigned: agreed.filter((d) => d.listing.field === field).length,
        transfersCompleted: won.filter((d) => d.listing.field === field).length,
      })),
    },
    supplyDemand: fields.map((field) => ({
      field,
      offers: published.filter((l) => l.field === field && l.kind === 'offer').length,
      demands: published.filter((l) => l.field === field && l.kind === 'demand').length,
    })),
  };
}
