/**
 * The cast and records of the route × role × ownership matrix: one set of people, and fresh
 * records made per route (straight through the models where the API is not the thing tested).
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Express } from 'express';
import { clearRecordCaches } from '../../server/common/record-cache';
import { DealModel } from '../../server/deals/deal.model';
import { NotificationModel } from '../../server/notifications/notification.model';
import { PASSWORD, signInAdmin, signUp, type Member } from '../helpers/factories';
import { aBid, publishedDemand, publishedOffer } from '../api/deals-helpers';

export const ROLES = ['anonymous', 'otherOrg', 'owner', 'broker', 'expert', 'operator'] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface World {
  app: Express;
  /** Members of the organization that owns the records (the seller, the listing's owner). */
  seller: Member;
  /** The counterparty of the deals, a bidder on the listings. */
  buyer: Member;
  otherOrg: Member;
  broker: Member;
  /** An appraisal expert (a member of an unrelated institute an operator gave the role), with a profile. */
  expert: Member;
  operator: Member;
}

export async function buildWorld(app: Express): Promise<World> {
  const [seller, buyer, otherOrg, broker, operator] = await Promise.all([
    signUp(app, { kind: 'institute', orgName: 'Viện Chủ Sở Hữu' }),
    signUp(app, { kind: 'enterprise', orgName: 'Công ty Đối Tác' }),
    signUp(app, { kind: 'enterprise', orgName: 'Công ty Người Ngoài' }),
    signUp(app, { kind: 'broker_firm', role: 'broker', orgName: 'Trung tâm Môi giới' }),
    signInAdmin(app),
  ]);
  const expert = await signUp(app, { kind: 'institute', orgName: 'Viện Chuyên Gia' });
  await operator.agent.post(`/api/admin/users/${expert.user.id}/role`).send({ role: 'expert' }).expect(200);
  await expert.agent
    .put('/api/experts/me')
    .send({ fields: ['engineering_technology'] })
    .expect(200);
  return { app, seller, buyer, otherOrg, broker, expert, operator };
}

/** Records made for one route call; each builder makes a new one. */
export const make = {
  offer: (w: World, overrides: Record<string, unknown> = {}) => publishedOffer(w.seller, overrides),
  demand: (w: World, overrides: Record<string, unknown> = {}) => publishedDemand(w.seller, overrides),
  draftOffer: (w: World) => publishedOffer(w.seller, { status: 'draft', publishedAt: undefined }),
  draftDemand: (w: World) => publishedDemand(w.seller, { status: 'draft', publishedAt: undefined }),
  pendingOffer: (w: World) => publishedOffer(w.seller, { status: 'pending_review', publishedAt: undefined }),
  pendingDemand: (w: World) =>
    publishedDemand(w.seller, { status: 'pending_review', publishedAt: undefined }),

  /** A draft with everything review needs, written through the API by the seller. */
  async completeDraft(w: World, kind: 'offer' | 'demand', body: Record<string, unknown>): Promise<string> {
    const res = await w.seller.agent.post(`/api/${kind}s`).send(body).expect(201);
    return res.body[kind].id;
  },

  /** A paid deal delivering its plan, its first milestone in `status`. */
  /** A delivering deal with one milestone; `paid_for`: accepted, and the buyer recorded paying for it. */
  async deliveringDeal(
    w: World,
    state: 'pending' | 'delivered' | 'disputed' | 'accepted' | 'paid_for',
  ): Promise<string> {
    const status = state === 'paid_for' ? 'accepted' : state;
    const dealId = await make.deal(w, 'awaiting_payment');
    const openedAt = new Date();
    await DealModel.updateOne(
      { _id: dealId },
      {
        $set: {
          status: 'delivering',
          delivery: [
            {
              n: 1,
              title: 'Bản vẽ thiết kế',
              amount: 100_000_000,
              currency: 'VND',
              status,
              ...(status !== 'pending' ? { deliveredAt: openedAt, deliveryNote: 'Đã giao' } : {}),
              ...(status === 'disputed' ? { dispute: { reason: 'Chưa đạt', openedAt } } : {}),
              ...(state === 'paid_for'
                ? { transfer: { amount: 100_000_000, reference: 'UNC-1', recordedAt: openedAt } }
                : {}),
            },
          ],
        },
      },
    );
    clearRecordCaches();
    return dealId;
  },

  /** An agreed deal whose terms set a 3 % royalty, with one report the buyer filed (its id). */
  async royaltyDeal(w: World): Promise<{ dealId: string; reportId: string }> {
    const dealId = await make.deal(w, 'awaiting_payment');
    await DealModel.updateOne({ _id: dealId }, { $set: { 'termSheets.0.royaltyPct': 3 } });
    clearRecordCaches();
    const res = await w.buyer.agent
      .post(`/api/deals/${dealId}/royalty-reports`)
      .send({ period: '2026-Q1', netSales: 100_000_000, currency: 'VND' })
      .expect(201);
    return { dealId, reportId: res.body.report.id };
  },

  /** A deal on a new offer of the seller's, with the buyer, the broker assigned and terms v1 on the table. */
  async deal(w: World, status: 'negotiating' | 'awaiting_payment' = 'negotiating'): Promise<string> {
    const offerId = await make.offer(w);
    const agreed = status !== 'negotiating';
    const deal = await DealModel.create({
      listingKind: 'offer',
      offerId,
      listingTitle: 'Công nghệ xử lý nước thải bằng màng sinh học',
      sellerOrgId: w.seller.orgId,
      buyerOrgId: w.buyer.orgId,
      brokerUserId: w.broker.user.id,
      status,
      createdBy: w.buyer.user.id,
      termSheets: [
        {
          version: 1,
          price: 300_000_000,
          currency: 'VND',
          exclusivity: false,
          proposedBy: w.buyer.user.id,
          proposedByRole: 'buyer',
          acceptedBy: agreed
            ? [
                { role: 'seller', userId: w.seller.user.id, at: new Date() },
                { role: 'buyer', userId: w.buyer.user.id, at: new Date() },
              ]
            : [],
        },
      ],
      latestVersion: 1,
      ...(agreed ? { agreedVersion: 1 } : {}),
    });
    clearRecordCaches();
    return String(deal._id);
  },

  /** A bank transfer the buyer started on an agreed deal. */
  async payment(w: World): Promise<{ dealId: string; paymentId: string }> {
    const dealId = await make.deal(w, 'awaiting_payment');
    const res = await w.buyer.agent
      .post(`/api/deals/${dealId}/payments`)
      .send({ provider: 'bank_transfer' })
      .expect(201);
    return { dealId, paymentId: res.body.payment.id };
  },

  /** The buyer's bid on a new offer of the seller's. */
  async bid(w: World): Promise<string> {
    const offerId = await make.offer(w);
    const res = await w.buyer.agent.post(`/api/offers/${offerId}/bids`).send(aBid()).expect(201);
    return res.body.bid.id;
  },

  /** A confidential document on a new offer of the seller's. */
  async attachment(w: World, kind: 'offer' | 'demand' = 'offer') {
    const listingId = kind === 'offer' ? await make.offer(w) : await make.demand(w);
    const res = await w.seller.agent
      .post(`/api/${kind}s/${listingId}/documents`)
      .field('confidential', 'true')
      .attach('file', Buffer.from('%PDF-1.7\nbí mật\n%%EOF\n'), 'bi-mat.pdf')
      .expect(201);
    return { listingId, attachmentId: res.body.document.id as string };
  },

  async notification(w: World): Promise<string> {
    const n = await NotificationModel.create({
      userId: w.seller.user.id,
      type: 'bid.placed',
      title: { vi: 'Có đề nghị mới', en: 'A new bid' },
    });
    clearRecordCaches();
    return String(n._id);
  },

  async alert(w: World): Promise<string> {
    const res = await w.seller.agent.post('/api/alerts').send({ q: 'nước thải' }).expect(201);
    return res.body.alert.id;
  },

  /** Someone who asked to join the seller's organization. */
  async joiner(w: World): Promise<string> {
    const res = await request(w.app)
      .post('/api/auth/register')
      .send({
        email: `joiner-${randomUUID().slice(0, 8)}@example.vn`,
        password: PASSWORD,
        name: 'Người Xin Vào',
        organizationId: w.seller.orgId,
      })
      .expect(201);
    return res.body.user.id;
  },

  /** A new organization awaiting verification (refused by the operator routes). */
  async unverifiedOrg(w: World): Promise<string> {
    return (await signUp(w.app, { kind: 'enterprise', verified: false })).orgId;
  },

  /** A user nobody else in the matrix relies on (suspended or demoted by the operator routes). */
  async bystander(w: World): Promise<string> {
    return (await signUp(w.app, { kind: 'enterprise' })).user.id;
  },
};

export const newId = () => String(new mongoose.Types.ObjectId());
