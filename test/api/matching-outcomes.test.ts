/**
 * The matcher learns from outcome reasons: a buyer who walked away from an offer as "TRL too low"
 * is shown more mature offers first, with the reason said; a verdict by the other side teaches
 * the buyer's matches nothing.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp, type Member } from '../helpers/factories';
import { createDemand, createOffer } from './matching-fixtures';

const owner = (m: Member) => ({ orgId: m.orgId, userId: m.user.id });

describe('matching: what buyers turned down as too immature', () => {
  let t: TestApp;
  let institute: Member;
  let otherInstitute: Member;
  let enterprise: Member;

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    await resetDatabase();
    await t.ctx.search.clear();
    institute = await signUp(t.app, { kind: 'institute' });
    otherInstitute = await signUp(t.app, { kind: 'institute' });
    enterprise = await signUp(t.app, { kind: 'enterprise' });
  });

  const ranked = async (demandId: string) =>
    (await request(t.app).get(`/api/demands/${demandId}/matches?lang=en`).expect(200)).body.matches as {
      offer: { id: string };
      score: number;
      reasonDetails: { code: string; text: string }[];
    }[];

  it('when the buyer walked away from TRL 7 as too low, then a TRL 9 offer ranks above the TRL 7 one, saying why', async () => {
    const demandId = await createDemand(t.ctx, owner(enterprise));
    // Same text; the TRL 7 offer is in the buyer's province, so it leads at first.
    const seven = await createOffer(t.ctx, owner(institute), { trl: 7, province: 'can_tho' });
    const nine = await createOffer(t.ctx, owner(otherInstitute), { trl: 9, province: 'ha_noi' });
    assert.deepEqual(
      (await ranked(demandId)).map((m) => m.offer.id),
      [seven, nine],
    );

    // The seller of the TRL 9 offer cancels a deal on it "TRL too low": not the buyer's verdict.
    const other = await enterprise.agent.post('/api/deals').send({ offerId: nine }).expect(201);
    await otherInstitute.agent
      .post(`/api/deals/${other.body.deal.id}/cancel`)
      .send({ reason: 'trl_too_low' })
      .expect(200);
    assert.deepEqual(
      (await ranked(demandId)).map((m) => m.offer.id),
      [seven, nine],
    );

    const deal = await enterprise.agent.post('/api/deals').send({ offerId: seven }).expect(201);
    await enterprise.agent
      .post(`/api/deals/${deal.body.deal.id}/walk-away`)
      .send({ reason: 'trl_too_low', note: 'Cần công nghệ đã vận hành thương mại' })
      .expect(200);
    const after = await ranked(demandId);
    assert.deepEqual(
      after.map((m) => m.offer.id),
      [nine, seven],
    );
    const [first, second] = after;
    assert.ok(first.reasonDetails.some((r) => r.code === 'trl_above_turned_down'));
    const turnedDown = second.reasonDetails.find((r) => r.code === 'trl_turned_down');
    assert.equal(turnedDown?.text, 'You walked away from TRL 7 as too low before');
  });
});
