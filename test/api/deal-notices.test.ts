/**
 * Every step of a deal is told to the people it concerns: in the bell (the notifications API),
 * by mail through a real SMTP server (in this process), in the recipient's language.
 */
import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { eventually } from '../helpers/eventually';
import { decoded, startSmtp } from '../helpers/smtp-inbox';
import type { Member } from '../helpers/factories';
import { NotificationModel } from '../../server/notifications/notification.model';
import { startDealNotices } from '../../server/deals/deal-notices.starter';
import { aBid, cast, publishedOffer, terms, type Cast } from './deals-helpers';
import { agreedDeal } from './payments-helpers';

describe('deal steps are notified', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let c: Cast;
  let stop: () => unknown;

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'San <no-reply@san.test>',
    });
    stop = (await startDealNotices(t.ctx, {} as never)).stop;
  });
  after(async () => {
    await stop();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });
  beforeEach(async () => {
    await resetDatabase();
    smtp.inbox.length = 0;
    c = await cast(t.app);
  });

  const ofType = (m: Member, type: string) => NotificationModel.find({ userId: m.user.id, type }).lean();
  const one = (m: Member, type: string) =>
    eventually(async () => (await ofType(m, type))[0], `${type} for ${m.user.email}`);
  const inEnglish = (m: Member) => m.agent.patch('/api/auth/me').send({ locale: 'en' }).expect(200);

  it('when a bid is placed, then the seller is told in the bell and by mail, in their language', async () => {
    await inEnglish(c.institute);
    const offerId = await publishedOffer(c.institute);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300_000_000)).expect(201);
    const stored = await one(c.institute, 'bid.received');
    assert.equal(stored.link, `/offers/${offerId}`);
    // The stored notice can be seen a moment before the write that lists it in the bell ends.
    const bell = await eventually(async () => {
      const res = await c.institute.agent.get('/api/notifications').expect(200);
      return res.body.unread === 1 && res;
    }, 'the bell listing the notice');
    assert.equal(bell.body.unread, 1);
    assert.match(bell.body.notifications[0].title, /^New bid received: Công nghệ xử lý nước thải/);
    const mail = await eventually(
      async () => smtp.inbox.find((m) => m.to.includes(c.institute.user.email)),
      'the seller’s mail',
    );
    assert.match(decoded(mail.raw), /Subject: New bid received/);
    // The bidder is not told of their own bid.
    assert.equal((await ofType(c.enterprise, 'bid.received')).length, 0);
  });

  it('when mail is off, then the bid is in the bell but no mail is sent', async () => {
    await c.institute.agent
      .patch('/api/auth/me')
      .send({ notificationPrefs: { email: false } })
      .expect(200);
    const offerId = await publishedOffer(c.institute);
    await c.enterprise.agent.post(`/api/offers/${offerId}/bids`).send(aBid(300_000_000)).expect(201);
    const stored = await one(c.institute, 'bid.received');
    assert.equal(stored.mailState, 'none');
    assert.equal(smtp.inbox.filter((m) => m.to.includes(c.institute.user.email)).length, 0);
  });

  it('a direct negotiation tells the seller; terms proposed and accepted tell the other party; the agreement tells both', async () => {
    const offerId = await publishedOffer(c.institute);
    const opened = await c.enterprise.agent.post('/api/deals').send({ offerId }).expect(201);
    const dealId = opened.body.deal.id;
    const openedNotice = await one(c.institute, 'deal.opened');
    assert.equal(openedNotice.link, `/deals/${dealId}`);
    assert.match(openedNotice.body.vi, /Công ty Nước Sạch Hà Nội/);

    await c.institute.agent.post(`/api/deals/${dealId}/terms`).send(terms(1)).expect(201);
    const proposed = await one(c.enterprise, 'terms.proposed');
    assert.match(proposed.title.vi, /^Điều khoản mới \(phiên bản 1\)/);
    assert.match(proposed.body.vi, /₫/);
    assert.equal((await ofType(c.institute, 'terms.proposed')).length, 0);

    await c.enterprise.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    const accepted = await one(c.institute, 'terms.accepted');
    assert.match(accepted.title.en, /accepted term sheet version 1/);

    await c.institute.agent.post(`/api/deals/${dealId}/terms/1/accept`).expect(200);
    for (const m of [c.enterprise, c.institute]) {
      const agreed = await one(m, 'deal.agreed');
      assert.match(agreed.title.en, /^Agreement reached/);
    }
    const fees = await one(c.enterprise, 'deal.fee_due');
    assert.match(fees.body.vi, /₫/);
  });

  it('when a party proposes a broker, then the other party is asked; once both named them the broker is told; a cancel tells the other party and the broker with the reason, not the canceller', async () => {
    const dealId = await agreedDeal(c.institute, c.enterprise, { status: 'negotiating' });
    await c.institute.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    const proposed = await one(c.enterprise, 'deal.broker_proposed');
    assert.match(proposed.title.vi, /Bên kia đề xuất môi giới/);
    assert.equal((await ofType(c.broker, 'deal.broker_assigned')).length, 0);
    await c.enterprise.agent
      .post(`/api/deals/${dealId}/broker`)
      .send({ userId: c.broker.user.id })
      .expect(200);
    const mine = await one(c.broker, 'deal.broker_assigned');
    assert.match(mine.title.vi, /Bạn được chỉ định làm môi giới/);
    await one(c.enterprise, 'deal.broker_assigned');

    await c.institute.agent.post(`/api/deals/${dealId}/cancel`).send({ reason: 'Đổi kế hoạch' }).expect(200);
    const told = await one(c.enterprise, 'deal.cancelled');
    assert.match(told.body.vi, /Lý do: Đổi kế hoạch/);
    await one(c.broker, 'deal.cancelled');
    assert.equal((await ofType(c.institute, 'deal.cancelled')).length, 0);
  });

  it('when a bank transfer is confirmed, then the payer hears it was received and both that the deal closed', async () => {
    const dealId = await agreedDeal(c.institute, c.enterprise);
    const fees = (await c.enterprise.agent.get(`/api/deals/${dealId}/fees`).expect(200)).body.fees;
    const payments: string[] = [];
    for (const fee of fees as { payer: 'buyer' | 'seller' }[]) {
      const payer = fee.payer === 'buyer' ? c.enterprise : c.institute;
      const started = await payer.agent
        .post(`/api/deals/${dealId}/payments`)
        .send({ provider: 'bank_transfer', payer: fee.payer })
        .expect(201);
      payments.push(started.body.payment.id);
    }
    for (const id of payments)
      await c.admin.agent.post(`/api/admin/payments/${id}/confirm`).send({}).expect(200);
    const received = await one(c.enterprise, 'payment.received');
    assert.match(received.title.vi, /^Đã nhận thanh toán/);
    for (const m of [c.enterprise, c.institute]) await one(m, 'deal.closed');
  });
});
