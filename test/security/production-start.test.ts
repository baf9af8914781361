import assert from 'node:assert/strict';
import { connectTestDatabase, resetDatabase } from '../helpers/test-app';
import { spawnExchangeProcess } from '../helpers/exchange-process';
import { UserModel } from '../../server/auth/user.model';
import { OfferModel } from '../../server/offers/offer.model';

describe('security: a production process refuses an unsafe configuration', () => {
  before(connectTestDatabase);
  beforeEach(resetDatabase);

  it('when NODE_ENV=production asks for demo data with an operator, then the process exits naming SEED_DEMO and writes nothing', async function () {
    this.timeout(60000);
    const started = spawnExchangeProcess({
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      ADMIN_EMAIL: 'admin@techexchange.local',
      ADMIN_PASSWORD: 'demo-Admin-2026',
      STRIPE_SECRET_KEY: 'sk_test_123',
    });
    await assert.rejects(started, (err: Error) => {
      assert.match(err.message, /exited \(78\)/);
      assert.match(err.message, /SEED_DEMO/);
      assert.match(err.message, /STRIPE_WEBHOOK_SECRET/);
      return true;
    });
    assert.equal(await UserModel.countDocuments({}), 0);
    assert.equal(await OfferModel.countDocuments({}), 0);
  });
});
