/**
 * Fills an empty database for the HTTP bench, straight through the driver (insertMany in
 * batches): the demo data (through its own loader, for the known passwords), synthetic listings
 * up to the asked size (some drafts, some owned by the signed-in reader's organization), deals
 * with term sheets and messages, bids, payments, notifications and sessions; and for each
 * writer its own organizations, offer, deal and pending bank transfers, so that no two writers
 * touch one record.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { loadDemoData } from '../../../server/demo/load-demo';
import { syntheticListingRecord, syntheticOrganizationId } from '../../seed-loader/synthetic-records';
import { generateSyntheticListings } from '../../synthetic/listings';
import { DEMO_PASSWORD } from '../../../server/demo/data';
import { requestSearchRebuild } from '../../../server/search-sync/search-sync.service';
import { formatDealReference, referenceYear } from '../../../server/deals';
import * as rec from './records';

type Id = mongoose.Types.ObjectId;
type Doc = Record<string, unknown> & { _id: unknown };

export const READER_EMAIL = 'hung@vcnmt.example.vn';

export interface SeedOptions {
  /** Total listings (offers and demands), at least the demo's; 0 or less: the demo data alone. */
  listings: number;
  writers: number;
  /** Pending bank transfers per writer, each confirmed once. */
  paymentsPerWriter: number;
  /** Negotiating deals per writer whose version 1 (the seller's) awaits the writer's acceptance, each accepted once. */
  acceptsPerWriter: number;
  /** Negotiating deals per writer: a room may take only a few messages a second from one person. */
  roomsPerWriter: number;
  sessionSecret: string;
}

export interface Writer {
  cookie: string;
  userId: string;
  /** Published offer of the writer's seller organization, bid on by the writer's organization. */
  offerId: string;
  /** Negotiating deals between the writer's two organizations: term sheets in the first, messages in all. */
  dealIds: string[];
  /** Negotiating deals between the same organizations whose latest version the seller proposed. */
  acceptDealIds: string[];
  /** Pending bank-transfer payments on the writer's deal awaiting payment. */
  paymentIds: string[];
}

export interface Fixture {
  reader: { email: string; password: string };
  /** A published demo offer, for GET /api/offers/:id. */
  offerId: string;
  /** A deal of the reader's organization, for GET /api/deals/:id. */
  dealId: string;
  writers: Writer[];
  /** Published listings: what GET /api/search shows once the index has caught up. */
  publishedListings: number;
  counts: Record<string, number>;
}

const BATCH = 2000;
/** Pending transfers on one bench deal awaiting payment: a real deal makes a handful. */
const PAYMENTS_PER_DEAL = 10;

/**
 * Reference numbers as the exchange gives them, after those the demo data took: without them the
 * exchange's start-up migration numbers every seeded deal, one locked step each (a minute at the
 * demo size), before it serves.
 */
async function numberDeals(deals: Doc[]): Promise<void> {
  const counters = mongoose.connection.db!.collection<{ _id: string; seq: number }>(
    'deal_reference_counters',
  );
  const last = new Map<number, number>();
  for (const deal of deals) {
    const year = referenceYear(deal.createdAt as Date);
    if (!last.has(year)) last.set(year, (await counters.findOne({ _id: String(year) }))?.seq ?? 0);
    const seq = last.get(year)! + 1;
    last.set(year, seq);
    deal.reference = formatDealReference(year, seq);
  }
  for (const [year, seq] of last)
    await counters.updateOne({ _id: String(year) }, { $set: { seq } }, { upsert: true });
}

async function insertAll(name: string, docs: Doc[]): Promise<void> {
  const collection = mongoose.connection.db!.collection(name);
  for (let i = 0; i < docs.length; i += BATCH) {
    await collection.insertMany(docs.slice(i, i + BATCH) as never[], { ordered: false });
  }
}

interface OrgMember {
  orgId: Id;
  userId: Id;
}

interface OfferRef {
  _id: Id;
  title: string;
  organizationId: Id;
}

export async function seedBench(opts: SeedOptions): Promise<Fixture> {
  const db = mongoose.connection.db!;
  const now = new Date();
  await loadDemoData({ now });

  const demoUsers = (await db
    .collection('users')
    .find({}, { projection: { _id: 1, email: 1, organizationId: 1 } })
    .toArray()) as unknown as { _id: Id; email: string; organizationId: Id }[];
  const reader = demoUsers.find((u) => u.email === READER_EMAIL);
  if (!reader) throw new Error(`the demo data has no ${READER_EMAIL}`);
  const demoOffers = (await db
    .collection('offers')
    .find({ status: 'published' }, { projection: { _id: 1, title: 1, organizationId: 1 } })
    .toArray()) as unknown as OfferRef[];
  const demoOrgCount = await db.collection('organizations').countDocuments({});
  const demoListingCount =
    (await db.collection('offers').countDocuments({})) + (await db.collection('demands').countDocuments({}));

  const members: OrgMember[] = [];
  const seenOrgs = new Set<string>();
  for (const u of demoUsers) {
    if (seenOrgs.has(String(u.organizationId))) continue;
    seenOrgs.add(String(u.organizationId));
    members.push({ orgId: u.organizationId, userId: u._id });
  }

  // ---- synthetic listings, their organizations and one member each ----
  const extra = Math.max(0, opts.listings - demoListingCount);
  const synthetic = generateSyntheticListings(extra, 1);
  const readerShare = Math.min(100, Math.ceil(extra / 100));
  const readerEvery = readerShare > 0 ? Math.max(1, Math.floor(extra / readerShare)) : Infinity;
  const offers: Doc[] = [];
  const demands: Doc[] = [];
  synthetic.forEach((listing, i) => {
    const { kind, record } = syntheticListingRecord(listing, now);
    const doc: Doc = { ...record };
    if (i % readerEvery === 0) doc.organizationId = reader.organizationId;
    if (i % 20 === 7) {
      doc.status = 'draft';
      delete doc.publishedAt;
      delete doc.submittedAt;
    }
    (kind === 'offer' ? offers : demands).push(doc);
  });
  const orgKeys = [...new Set(synthetic.map((l) => l.organizationId))];
  const syntheticOrgs = orgKeys.map((key, i) => ({
    ...rec.organization(`Đơn vị thử nghiệm ${key}`, ['institute', 'university', 'enterprise'][i % 3], now),
    _id: syntheticOrganizationId(key),
  }));
  const syntheticUsers = syntheticOrgs.map((o, i) =>
    rec.user(`bench-member-${i}@example.vn`, `Thành viên ${i}`, o._id, now),
  );
  syntheticOrgs.forEach((o, i) => members.push({ orgId: o._id, userId: syntheticUsers[i]._id }));
  const userOfOrg = new Map(members.map((m) => [String(m.orgId), m.userId]));

  // ---- writers: a buyer and a seller organization each, an offer, a deal, payments ----
  const writerOrgs: Doc[] = [];
  const writerUsers: Doc[] = [];
  const writerOffers: Doc[] = [];
  const deals: Doc[] = [];
  const payments: Doc[] = [];
  const sessions: Doc[] = [];
  const writers: Writer[] = [];
  let paymentIndex = 0;
  for (let w = 0; w < opts.writers; w++) {
    const buyerOrg = rec.organization(`Doanh nghiệp đo tải ${w}`, 'enterprise', now);
    const sellerOrg = rec.organization(`Viện đo tải ${w}`, 'institute', now);
    const buyer = rec.user(`bench-writer-${w}@example.vn`, `Người mua ${w}`, buyerOrg._id, now);
    const seller = rec.user(`bench-seller-${w}@example.vn`, `Người bán ${w}`, sellerOrg._id, now);
    const offer = rec.biddableOffer(`Công nghệ đo tải số ${w}`, sellerOrg._id, seller._id, now);
    writerOrgs.push(buyerOrg, sellerOrg);
    writerUsers.push(buyer, seller);
    writerOffers.push(offer);
    const parties: rec.DealParties = {
      offerId: offer._id,
      title: offer.title,
      sellerOrgId: sellerOrg._id,
      buyerOrgId: buyerOrg._id,
      sellerUserId: seller._id,
      buyerUserId: buyer._id,
    };
    const negotiating = Array.from({ length: opts.roomsPerWriter }, () =>
      rec.deal(parties, 'negotiating', 0, now),
    );
    const awaitingAcceptance = Array.from({ length: opts.acceptsPerWriter }, () =>
      rec.deal(parties, 'negotiating', 1, now),
    );
    deals.push(...negotiating, ...awaitingAcceptance);
    // Deals awaiting payment hold the writer's transfers, PAYMENTS_PER_DEAL each (each with its own
    // fee-line key), as a deal's fees and milestones make a handful of payments; a confirmation
    // writes only its payment.
    const paymentIds: string[] = [];
    for (let first = 0; first < opts.paymentsPerWriter; first += PAYMENTS_PER_DEAL) {
      const awaiting = rec.deal(parties, 'awaiting_payment', 1, now);
      deals.push(awaiting);
      for (let k = first; k < Math.min(first + PAYMENTS_PER_DEAL, opts.paymentsPerWriter); k++) {
        const p = rec.payment(awaiting, buyer._id, 'pending', paymentIndex++, now, `bench-${k}`);
        payments.push(p);
        paymentIds.push(String(p._id));
      }
    }
    const s = rec.session(buyer._id, opts.sessionSecret, randomBytes(18).toString('base64url'), now);
    sessions.push(s.record);
    writers.push({
      cookie: s.cookie,
      userId: String(buyer._id),
      offerId: String(offer._id),
      dealIds: negotiating.map((d) => String(d._id)),
      acceptDealIds: awaitingAcceptance.map((d) => String(d._id)),
      paymentIds,
    });
  }

  // ---- background: deals (the reader's organization in the first 20), messages, bids, notifications ----
  const publishedOffers: OfferRef[] = [
    ...demoOffers,
    ...(offers.filter((o) => o.status === 'published') as unknown as OfferRef[]),
  ];
  const size = Math.max(opts.listings, demoListingCount);
  const dealCount = Math.max(40, Math.round(size / 10));
  // No deal is left agreed: an agreement moves on to payment in the same flow, so an agreed deal is
  // one a stopped flow left half done, which the exchange's deal sweep would finish (with writes,
  // room messages and notices) while the bench measures.
  const statuses: rec.SeedDealStatus[] = [
    'negotiating',
    'negotiating',
    'negotiating',
    'negotiating',
    'negotiating',
    'negotiating',
    'negotiating',
    'awaiting_payment',
    'closed_won',
    'closed_lost',
  ];
  const messages: Doc[] = [];
  const counters: Doc[] = [];
  let readerDealId: string | undefined;
  for (let i = 0; i < dealCount; i++) {
    const offer = publishedOffers[(i * 7) % publishedOffers.length];
    let buyer = members[(i * 13 + 5) % members.length];
    if (i < 20) buyer = { orgId: reader.organizationId, userId: reader._id };
    if (String(buyer.orgId) === String(offer.organizationId)) buyer = members[(i * 13 + 6) % members.length];
    if (String(buyer.orgId) === String(offer.organizationId)) continue;
    const sellerUser = userOfOrg.get(String(offer.organizationId)) ?? offer.organizationId;
    const status = statuses[i % statuses.length];
    const d = rec.deal(
      {
        offerId: offer._id,
        title: offer.title,
        sellerOrgId: offer.organizationId,
        buyerOrgId: buyer.orgId,
        sellerUserId: sellerUser,
        buyerUserId: buyer.userId,
      },
      status,
      status === 'negotiating' ? i % 3 : 1 + (i % 3),
      now,
    );
    deals.push(d);
    if (i < 20 && !readerDealId) readerDealId = String(d._id);
    if (status === 'awaiting_payment')
      payments.push(rec.payment(d, buyer.userId, 'pending', paymentIndex++, now));
    if (status === 'closed_won') payments.push(rec.payment(d, buyer.userId, 'paid', paymentIndex++, now));
    const perDeal = 10;
    for (let seq = 1; seq <= perDeal; seq++) {
      const fromBuyer = seq % 2 === 0;
      messages.push(
        rec.message(
          d._id,
          seq,
          {
            id: fromBuyer ? buyer.userId : sellerUser,
            role: fromBuyer ? 'buyer' : 'seller',
            name: fromBuyer ? 'Bên mua' : 'Bên bán',
          },
          new Date(now.getTime() - (perDeal - seq) * 3600_000),
        ),
      );
    }
    counters.push({ _id: d._id, seq: perDeal });
  }
  if (!readerDealId) throw new Error('no deal was seeded for the reader');

  const bids: Doc[] = [];
  const bidCount = Math.round(size / 5);
  for (let i = 0; i < bidCount; i++) {
    const offer = publishedOffers[(i * 11) % publishedOffers.length];
    const bidder = members[(i * 17 + 3) % members.length];
    if (String(bidder.orgId) === String(offer.organizationId)) continue;
    bids.push(rec.bid(offer, bidder, 100_000_000 + (i % 50) * 1_000_000, now));
  }

  const notifications: Doc[] = [];
  const notificationCount = Math.round(size / 2);
  const allUsers = members.map((m) => m.userId);
  for (let i = 0; i < notificationCount; i++) {
    const at = new Date(now.getTime() - i * 60_000);
    notifications.push(
      rec.notification(
        allUsers[i % allUsers.length],
        publishedOffers[i % publishedOffers.length],
        at,
        i % 3 === 0,
      ),
    );
  }
  for (let i = 0; i < 60; i++) {
    const at = new Date(now.getTime() - i * 3600_000);
    notifications.push(
      rec.notification(reader._id, publishedOffers[i % publishedOffers.length], at, i >= 10),
    );
  }
  for (const u of syntheticUsers) {
    sessions.push(rec.session(u._id, opts.sessionSecret, randomBytes(18).toString('base64url'), now).record);
  }

  await insertAll('organizations', [...syntheticOrgs, ...writerOrgs]);
  await insertAll('users', [...syntheticUsers, ...writerUsers]);
  await insertAll('offers', [...offers, ...writerOffers]);
  await insertAll('demands', demands);
  await numberDeals(deals);
  await insertAll('deals', deals);
  await insertAll('dealmessages', messages);
  await insertAll('negotiation_room_counters', counters);
  await insertAll('bids', bids);
  await insertAll('payments', payments);
  await insertAll('notifications', notifications);
  await insertAll('sessions', sessions);
  await requestSearchRebuild();

  const publishedListings =
    (await db.collection('offers').countDocuments({ status: 'published' })) +
    (await db.collection('demands').countDocuments({ status: 'published' }));
  return {
    reader: { email: READER_EMAIL, password: DEMO_PASSWORD },
    offerId: String(demoOffers[0]._id),
    dealId: readerDealId,
    writers,
    publishedListings,
    counts: {
      listings: demoListingCount + offers.length + demands.length + writerOffers.length,
      drafts: [...offers, ...demands].filter((d) => d.status === 'draft').length,
      organizations: demoOrgCount + syntheticOrgs.length + writerOrgs.length,
      users: demoUsers.length + syntheticUsers.length + writerUsers.length,
      deals: deals.length,
      messages: messages.length,
      bids: bids.length,
      payments: payments.length,
      notifications: notifications.length,
      sessions: sessions.length,
    },
  };
}
