import assert from 'node:assert/strict';
import { createTestApp, resetDatabase, type TestApp } from '../helpers/test-app';
import { signUp } from '../helpers/factories';
import { offerBody } from './offers-helpers';
import { syncSearchIndex } from '../../server/search-sync/search-sync.service';
import { OfferModel } from '../../server/offers/offer.model';

describe('listings under concurrent writers', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  beforeEach(resetDatabase);

  it('when an owner edits while the search indexer clears its marks, then no edit is lost and the last change stays marked', async function () {
    this.timeout(60000);
    const owner = await signUp(t.app, { kind: 'institute' });
    const created = await owner.agent.post('/api/offers').send(offerBody()).expect(201);
    const id = created.body.offer.id as string;
    const edits = Array.from({ length: 8 }, (_, i) =>
      owner.agent.patch(`/api/offers/${id}`).send({ sectors: [`ngành ${i}`] }),
    );
    const passes = Array.from({ length: 8 }, () => syncSearchIndex(t.ctx));
    const [responses] = await Promise.all([Promise.all(edits), Promise.all(passes)]);
    const applied = responses.filter((r) => r.status === 200);
    assert.ok(applied.length >= 1);
    for (const r of responses) assert.ok([200, 409].includes(r.status), `status ${r.status}`);
    const stored = await OfferModel.findById(id).lean();
    // Every edit that answered 200 bumped the revision exactly once.
    assert.equal(stored!.rev, 1 + applied.length);
    await syncSearchIndex(t.ctx);
    const after = await OfferModel.findById(id).lean();
    assert.equal(after!.searchDirty, false);
    assert.equal(after!.rev, stored!.rev);
  });
});
