/**
 * Plain database records for the HTTP bench's bulk seeding (ids chosen here, written with
 * insertMany, no mongoose middleware). Shapes follow the models in server/*; pure.
 */
import { createHmac } from 'node:crypto';
import mongoose from 'mongoose';

type Id = mongoose.Types.ObjectId;
const newId = () => new mongoose.Types.ObjectId();
const DAY_MS = 24 * 3600 * 1000;

export function organization(name: string, kind: string, now: Date) {
  return {
    _id: newId(),
    name,
    kind,
    province: 'ha_noi',
    description: 'Tổ chức tạo cho bài đo HTTP.',
    verified: true,
    verifiedAt: now,
    capability: { fields: [], keywords: [], labs: [] },
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

export function user(email: string, name: string, organizationId: Id, now: Date) {
  return {
    _id: newId(),
    email,
    name,
    role: 'member',
    locale: 'vi',
    organizationId,
    membershipStatus: 'active',
    passwordHash: 'not-used-by-the-bench',
    notificationPrefs: { email: false, frequency: 'instant' },
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

/**
 * A published offer a writer bids on: negotiable, in VND, no deadline; published a month ago, so
 * that the exchange does not take it for a publication it missed in the last hour (whose matches
 * it would then look for and notify, two filtered reads of the demands each).
 */
export function biddableOffer(title: string, organizationId: Id, createdBy: Id, now: Date) {
  const publishedAt = new Date(now.getTime() - 30 * DAY_MS);
  const createdAt = new Date(publishedAt.getTime() - 2 * DAY_MS);
  return {
    _id: newId(),
    organizationId,
    createdBy,
    status: 'published',
    title,
    summary: 'Công nghệ tạo cho bài đo HTTP.',
    description: 'Mô tả công nghệ tạo cho bài đo HTTP.',
    language: 'vi',
    field: 'engineering',
    subField: 'mechanical',
    keywords: ['bench'],
    transferModes: [],
    province: 'ha_noi',
    trl: 6,
    ipStatus: 'none',
    ipNumbers: [],
    sectors: [],
    pricing: { model: 'negotiable', amount: 500_000_000, currency: 'VND' },
    attachments: [],
    createdAt,
    updatedAt: publishedAt,
    submittedAt: new Date(publishedAt.getTime() - DAY_MS),
    publishedAt,
    createdMonth: createdAt.toISOString().slice(0, 7),
    rev: 1,
    searchDirty: false,
  };
}

export interface DealParties {
  offerId: Id;
  title: string;
  sellerOrgId: Id;
  buyerOrgId: Id;
  sellerUserId: Id;
  buyerUserId: Id;
}

export type SeedDealStatus = 'negotiating' | 'awaiting_payment' | 'closed_won' | 'closed_lost';

function termSheet(version: number, parties: DealParties, at: Date, acceptedByBoth: boolean) {
  return {
    version,
    price: 400_000_000 + version * 10_000_000,
    currency: 'VND',
    exclusivity: version % 2 === 0,
    territory: 'Việt Nam',
    durationMonths: 24,
    milestones: [],
    proposedBy: version % 2 === 1 ? parties.sellerUserId : parties.buyerUserId,
    proposedByRole: version % 2 === 1 ? 'seller' : 'buyer',
    acceptedBy: acceptedByBoth
      ? [
          { role: 'seller', userId: parties.sellerUserId, at },
          { role: 'buyer', userId: parties.buyerUserId, at },
        ]
      : [],
    createdAt: at,
  };
}

/** A deal with `versions` term sheets; past negotiation it is agreed on the last one. */
export function deal(parties: DealParties, status: SeedDealStatus, versions: number, now: Date) {
  const createdAt = new Date(now.getTime() - 10 * DAY_MS);
  const agreed = status !== 'negotiating' && status !== 'closed_lost' && versions > 0;
  const termSheets = Array.from({ length: versions }, (_, i) =>
    termSheet(i + 1, parties, new Date(createdAt.getTime() + (i + 1) * DAY_MS), agreed && i === versions - 1),
  );
  const timeline = [
    { at: createdAt, actorId: parties.buyerUserId, actorRole: 'buyer', event: 'opened', to: 'negotiating' },
    ...termSheets.map((s) => ({
      at: s.createdAt,
      actorId: s.proposedBy,
      actorRole: s.proposedByRole,
      event: 'terms_proposed',
      data: { version: s.version },
    })),
  ];
  return {
    _id: newId(),
    listingKind: 'offer',
    offerId: parties.offerId,
    listingTitle: parties.title,
    sellerOrgId: parties.sellerOrgId,
    buyerOrgId: parties.buyerOrgId,
    status,
    field: 'engineering',
    createdBy: parties.buyerUserId,
    termSheets,
    latestVersion: versions,
    ...(agreed ? { agreedVersion: versions } : {}),
    timeline,
    ndaAcceptances: [],
    ...(status === 'closed_won' || status === 'closed_lost' ? { closedAt: now } : {}),
    createdMonth: createdAt.toISOString().slice(0, 7),
    createdAt,
    updatedAt: now,
    __v: 0,
  };
}

export function message(dealId: Id, seq: number, author: { id: Id; role: string; name: string }, at: Date) {
  return {
    _id: newId(),
    dealId,
    seq,
    authorId: author.id,
    authorName: author.name,
    authorRole: author.role,
    kind: 'text',
    body: `Tin nhắn thử số ${seq}: chúng tôi đề nghị trao đổi thêm về điều khoản chuyển giao.`,
    audience: 'all',
    clientId: `seed-${String(dealId)}-${seq}`,
    createdAt: at,
  };
}

export function bid(
  listing: { _id: Id; title: string; organizationId: Id },
  bidder: { orgId: Id; userId: Id },
  amount: number,
  now: Date,
) {
  return {
    _id: newId(),
    listingKind: 'offer',
    listingId: listing._id,
    listingTitle: listing.title,
    listingOwnerOrgId: listing.organizationId,
    bidderOrgId: bidder.orgId,
    createdBy: bidder.userId,
    amount,
    currency: 'VND',
    transferMode: 'license',
    terms: '',
    sealed: false,
    status: 'submitted',
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

export function notification(userId: Id, listing: { _id: Id; title: string }, at: Date, read: boolean) {
  return {
    _id: newId(),
    userId,
    type: 'listing.published',
    title: { vi: `Công nghệ mới: ${listing.title}`, en: `New technology: ${listing.title}` },
    body: {
      vi: 'Một công nghệ khớp với tìm kiếm đã lưu của bạn.',
      en: 'A technology matches your saved search.',
    },
    link: `/offers/${String(listing._id)}`,
    data: { listingId: String(listing._id) },
    mailState: 'none',
    ...(read ? { readAt: at } : {}),
    createdAt: at,
  };
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A payment reference like TX-AB3K9Q, distinct for each index (TX-B… so none clashes with the exchange's random ones in practice). */
function reference(index: number): string {
  let code = '';
  let n = index;
  for (let i = 0; i < 5; i++) {
    code = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length] + code;
    n = Math.floor(n / REFERENCE_ALPHABET.length);
  }
  return `TX-Z${code}`;
}

export function payment(
  dealDoc: { _id: Id; buyerOrgId: Id },
  createdBy: Id,
  status: 'pending' | 'paid',
  index: number,
  now: Date,
  /** Tells apart several live payments of one fee line (only the bench makes those). */
  lineSuffix?: string,
) {
  const _id = newId();
  return {
    _id,
    dealId: dealDoc._id,
    purpose: 'success_fee',
    payer: 'buyer',
    payerOrgId: dealDoc.buyerOrgId,
    amount: 4_200_000,
    currency: 'VND',
    provider: 'bank_transfer',
    status,
    reference: reference(index),
    openKey: `${String(dealDoc._id)}:success_fee:buyer${lineSuffix ? `:${lineSuffix}` : ''}`,
    idempotencyKey: `checkout-${String(_id)}`,
    createdBy,
    duplicate: false,
    history: [{ at: now, event: 'created', to: 'pending', actorId: createdBy, source: 'member' }],
    ...(status === 'paid' ? { paidAt: now } : {}),
    createdAt: now,
    updatedAt: now,
    __v: 0,
  };
}

/** A stored express-session (connect-mongo, not stringified) signed in as `userId`, and its cookie. */
export function session(userId: Id, secret: string, sid: string, now: Date) {
  const maxAge = 24 * 3600 * 1000;
  const expires = new Date(now.getTime() + maxAge);
  const signature = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return {
    record: {
      _id: sid,
      expires,
      session: {
        cookie: {
          originalMaxAge: maxAge,
          expires,
          secure: false,
          httpOnly: true,
          path: '/',
          sameSite: 'lax',
        },
        passport: { user: String(userId) },
      },
    },
    cookie: `tx.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`,
  };
}
