/**
 * Data for the bid, deal, auction and document tests: members signed in through the API, and
 * published listings written straight through the listing store (the listings API is another
 * component), so that the lists kept from its writes follow them as they follow the exchange's.
 */
import type { Express } from 'express';
import { createListingDoc, updateListingIf } from '../../server/listings/listing.store';
import { signInAdmin, signUp, type Member } from '../helpers/factories';

export interface Cast {
  institute: Member;
  enterprise: Member;
  rival: Member;
  outsider: Member;
  broker: Member;
  admin: Member;
}

export async function cast(app: Express): Promise<Cast> {
  const [institute, enterprise, rival, outsider, broker, admin] = await Promise.all([
    signUp(app, { kind: 'institute', orgName: 'Viện Công nghệ Môi trường' }),
    signUp(app, { kind: 'enterprise', orgName: 'Công ty Nước Sạch Hà Nội' }),
    signUp(app, { kind: 'enterprise', orgName: 'Công ty Môi trường Xanh' }),
    signUp(app, { kind: 'enterprise', orgName: 'Công ty Bên Ngoài' }),
    signUp(app, { kind: 'broker_firm', role: 'broker', orgName: 'Trung tâm Môi giới Công nghệ' }),
    signInAdmin(app),
  ]);
  return { institute, enterprise, rival, outsider, broker, admin };
}

export const inOneHour = () => new Date(Date.now() + 3600_000);
export const anHourAgo = () => new Date(Date.now() - 3600_000);

/** Changes a listing through its store, as the exchange does (the lists kept from its writes follow). */
export async function changeListing(
  kind: 'offer' | 'demand',
  id: string,
  set: Record<string, unknown>,
  unset: string[] = [],
): Promise<void> {
  if (!(await updateListingIf(kind, { _id: id }, set, unset))) throw new Error(`no ${kind} ${id}`);
}

/** Moves an auction's close, or a call's deadline, as if that time had come (an hour ago by default). */
export function passDeadline(kind: 'offer' | 'demand', id: string, at = anHourAgo()): Promise<void> {
  return changeListing(kind, id, kind === 'offer' ? { 'pricing.closesAt': at } : { deadline: at });
}

export async function publishedOffer(
  owner: Member,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const offer = await createListingDoc('offer', {
    organizationId: owner.orgId,
    createdBy: owner.user.id,
    status: 'published',
    publishedAt: new Date(),
    title: 'Công nghệ xử lý nước thải bằng màng sinh học',
    summary: 'Màng sinh học MBBR cho nước thải sinh hoạt',
    field: 'engineering_technology',
    trl: 7,
    transferModes: ['license_exclusive', 'license_non_exclusive', 'assignment'],
    pricing: { model: 'negotiable', amount: 500_000_000, currency: 'VND' },
    ndaText: 'Giữ bí mật tài liệu kỹ thuật của công nghệ màng sinh học.',
    ...overrides,
  });
  return String(offer._id);
}

export async function auctionOffer(owner: Member, closesAt: Date, reservePrice?: number): Promise<string> {
  return publishedOffer(owner, {
    pricing: {
      model: 'auction',
      amount: 100_000_000,
      currency: 'VND',
      closesAt,
      ...(reservePrice ? { reservePrice } : {}),
    },
  });
}

/** A published auction that asks each bidder a fixed deposit before bidding. */
export async function depositAuctionOffer(
  owner: Member,
  closesAt: Date,
  deposit = 10_000_000,
): Promise<string> {
  return publishedOffer(owner, {
    pricing: { model: 'auction', amount: 100_000_000, currency: 'VND', closesAt, deposit },
  });
}

export async function publishedDemand(
  owner: Member,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const demand = await createListingDoc('demand', {
    organizationId: owner.orgId,
    createdBy: owner.user.id,
    status: 'published',
    publishedAt: new Date(),
    title: 'Cần công nghệ xử lý bùn thải đô thị',
    problem: 'Bùn thải từ trạm xử lý nước thải tồn đọng',
    field: 'engineering_technology',
    minTrl: 5,
    budget: { min: 100_000_000, max: 900_000_000, currency: 'VND' },
    mode: 'open',
    ...overrides,
  });
  return String(demand._id);
}

/** A published call for proposals that asks each proposer a fixed deposit before proposing. */
export async function depositCall(owner: Member, deadline: Date, deposit = 20_000_000): Promise<string> {
  return publishedDemand(owner, { mode: 'call_for_proposals', deadline, deposit });
}

export const aBid = (amount = 200_000_000, overrides: Record<string, unknown> = {}) => ({
  amount,
  currency: 'VND',
  transferMode: 'license_non_exclusive',
  terms: 'Chuyển giao trong 6 tháng, đào tạo 10 kỹ sư',
  ...overrides,
});

export const terms = (price: number, overrides: Record<string, unknown> = {}) => ({
  price,
  currency: 'VND',
  exclusivity: false,
  territory: 'Việt Nam',
  durationMonths: 24,
  milestones: [{ title: 'Bàn giao hồ sơ kỹ thuật', amount: Math.floor(price / 2) }],
  ...overrides,
});

/** Both parties name the broker: the broker takes their seat with both parties' consent. */
export async function brokerAgreed(c: Cast, dealId: string): Promise<void> {
  for (const party of [c.institute, c.enterprise])
    await party.agent.post(`/api/deals/${dealId}/broker`).send({ userId: c.broker.user.id }).expect(200);
}
