/**
 * Where an exchange keeps its signing key: in its data directory (`<DATA_DIR>/federation/
 * identity.json`, 0600), not in its database. Exchange processes started here on databases of
 * their own: two processes starting at once on one data directory end with one key; an exchange
 * upgraded from the version that kept its key in the database has that key (with its rotation:
 * previous key, expiry, endorsement) moved into the file at start and its private key removed from
 * the database, and keeps publishing the key its partners registered.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import request from 'supertest';
import { connectTestDatabase } from '../helpers/test-app';
import { spawnExchangeProcess, type ExchangeProcess, otherDatabase } from '../helpers/exchange-process';
import { keyFilePath, readKeyFile } from '../../server/federation/identity-file';
import { generateSigningKeyPair, keyIdOf } from '../../server/federation/signing';
import { planRotation } from '../../server/federation/key-rules';

const RACE_DB = `techexchange_fedident_race_${process.pid}`;
const UPGRADE_DB = `techexchange_fedident_upgrade_${process.pid}`;

describe('federation: the signing key in the data directory', function () {
  this.timeout(90_000);
  const running: ExchangeProcess[] = [];
  let tmp: string;

  before(async () => {
    await connectTestDatabase();
    tmp = fs.mkdtempSync(path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'fedident-'));
  });

  after(async () => {
    for (const p of running.splice(0)) await p.stop();
    for (const name of [RACE_DB, UPGRADE_DB]) await mongoose.connection.useDb(name).dropDatabase();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function start(database: string, dataDir: string): Promise<ExchangeProcess> {
    const p = await spawnExchangeProcess({
      MONGODB_URI: otherDatabase(process.env.MONGODB_URI!, database),
      DATA_DIR: dataDir,
      FEDERATION_PULL_INTERVAL_MS: '0',
    });
    running.push(p);
    return p;
  }

  const publishedKey = async (p: ExchangeProcess) =>
    (await request(p.url).get('/api/federation/key').expect(200)).body;

  it('two processes starting at once on one data directory end with one key, kept in the file (0600), none in the database', async () => {
    const dataDir = path.join(tmp, 'race');
    const [a, b] = await Promise.all([start(RACE_DB, dataDir), start(RACE_DB, dataDir)]);
    const [keyA, keyB] = await Promise.all([publishedKey(a), publishedKey(b)]);
    assert.equal(keyA.keyId, keyB.keyId, 'both processes sign with the same key');
    const file = keyFilePath(dataDir);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const kept = readKeyFile(file)!;
    assert.equal(kept.keyId, keyA.keyId);
    assert.equal(kept.publicKey, keyA.publicKey);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['identity.json'], 'no temporary file left');
    const record = await mongoose.connection.useDb(RACE_DB).collection('federation_identity').findOne({});
    assert.ok(!record?.privateKey, 'the database holds no private key');
    await Promise.all([a.stop(), b.stop()]);
    // After a restart the same key again: it is the data directory's.
    const again = await start(RACE_DB, dataDir);
    assert.equal((await publishedKey(again)).keyId, keyA.keyId);
    await again.stop();
  });

  it('moves the key an upgraded exchange kept in its database into the file at start, and removes it from the database', async () => {
    const old = generateSigningKeyPair();
    const current = generateSigningKeyPair();
    const oldKeys = { ...old, keyId: keyIdOf(old.publicKey) };
    const expiresAt = new Date(Date.now() + 3_600_000);
    // The record as the previous version left it after a rotation (its private key in the database).
    const rotated = planRotation(oldKeys, current, 3_600_000, new Date(expiresAt.getTime() - 3_600_000));
    const records = mongoose.connection.useDb(UPGRADE_DB).collection('federation_identity');
    await records.deleteMany({});
    const sharingDefault = { shared: true, changedAt: new Date(), changedBy: 'operator' };
    await records.insertOne({
      _id: 'self' as never,
      ...rotated,
      rotatedAt: new Date(),
      rotatedBy: 'operator',
      sharingDefault,
      createdAt: new Date(),
      updatedAt: new Date(),
    });

    const dataDir = path.join(tmp, 'upgrade');
    const exchange = await start(UPGRADE_DB, dataDir);
    const key = await publishedKey(exchange);
    assert.equal(key.keyId, rotated.keyId, 'the key partners registered is still the one published');
    assert.equal(key.publicKey, rotated.publicKey);
    assert.equal(key.previous.keyId, oldKeys.keyId);
    assert.equal(key.previous.expiresAt, rotated.previous.expiresAt.toISOString());
    assert.equal(key.endorsement, rotated.endorsement);

    const kept = readKeyFile(keyFilePath(dataDir))!;
    assert.equal(kept.privateKey, rotated.privateKey, 'the private key moved into the file');
    assert.equal(fs.statSync(keyFilePath(dataDir)).mode & 0o777, 0o600);
    const record = (await records.findOne({}))!;
    assert.equal(record.privateKey, undefined, 'and left the database');
    assert.equal(record.keyId, undefined);
    assert.deepEqual(record.sharingDefault, sharingDefault, 'the operator’s sharing default stays');
    await exchange.stop();
  });
});
