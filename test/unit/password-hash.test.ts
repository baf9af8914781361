import assert from 'node:assert/strict';
import { hashPassword, usePasswordHashCost } from '../../server/auth';
import { verifyPassword } from '../../server/auth/password';
import { DEFAULT_PASSWORD_HASH_COST } from '../../server/config';
import { testConfig } from '../helpers/config';

describe('password hashes: argon2id at the configured cost', () => {
  // The suite's own cost again, for the files that run after this one in the same process.
  after(() => usePasswordHashCost(testConfig().passwordHashCost));

  it('when a cost is chosen, then new hashes are argon2id at that cost, and hashes made at another cost still verify', async () => {
    usePasswordHashCost(DEFAULT_PASSWORD_HASH_COST);
    const strong = await hashPassword('mật-khẩu-đủ-dài-1');
    assert.match(strong, /^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);

    usePasswordHashCost({ memoryKib: 19_456, iterations: 2 });
    const floor = await hashPassword('mật-khẩu-đủ-dài-2');
    assert.match(floor, /^\$argon2id\$v=19\$m=19456,p=4,t=2\$/);

    assert.equal(await verifyPassword(strong, 'mật-khẩu-đủ-dài-1'), true);
    assert.equal(await verifyPassword(floor, 'mật-khẩu-đủ-dài-2'), true);
    assert.equal(await verifyPassword(strong, 'mật-khẩu-đủ-dài-2'), false);
    assert.equal(await verifyPassword(undefined, 'mật-khẩu-đủ-dài-1'), false);
  });
});
