/**
 * Each exchange signs with the key pair of its own data directory, also when two run in one
 * process (as tests and embedding code do): the key is kept per directory, not per process.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, resetDatabase } from '../helpers/test-app';
import { signInAdmin } from '../helpers/factories';
import { forgetOwnIdentity } from '../../server/federation/identity.store';
import { ownKeyFile } from '../helpers/federation-keys';

describe('federation keys of two exchanges in one process', function () {
  this.timeout(60_000);
  let otherDir: string;

  beforeEach(async () => {
    await resetDatabase();
    forgetOwnIdentity();
    otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-identity-dir-'));
  });

  afterEach(() => fs.rmSync(otherDir, { recursive: true, force: true }));

  it('when a second exchange starts with another data directory, then each publishes and rotates its own key', async () => {
    const first = await createTestApp();
    const firstKey = (await request(first.app).get('/api/federation/key').expect(200)).body;
    const second = await createTestApp({ DATA_DIR: otherDir });
    const secondKey = (await request(second.app).get('/api/federation/key').expect(200)).body;

    assert.notEqual(secondKey.keyId, firstKey.keyId);
    assert.equal(secondKey.keyId, ownKeyFile(second).keyId);
    // The first exchange still answers with its own key after the second one registered its routes.
    const firstAgain = (await request(first.app).get('/api/federation/key').expect(200)).body;
    assert.equal(firstAgain.keyId, firstKey.keyId);
    assert.equal(firstAgain.keyId, ownKeyFile(first).keyId);

    // Rotating the second exchange's key leaves the first one's as it was.
    const operator = await signInAdmin(second.app);
    await operator.agent.post('/api/admin/federation/key/rotate').expect(200);
    const rotated = (await request(second.app).get('/api/federation/key').expect(200)).body;
    assert.notEqual(rotated.keyId, secondKey.keyId);
    assert.equal(rotated.previous.keyId, secondKey.keyId);
    assert.equal(
      (await request(first.app).get('/api/federation/key').expect(200)).body.keyId,
      firstKey.keyId,
    );
    assert.equal(ownKeyFile(first).keyId, firstKey.keyId);
  });
});
