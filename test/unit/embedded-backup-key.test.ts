/** `npm run backup` / `restore` of the embedded default carry the exchange's federation key file (owner-only) with the databases. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupEmbedded, restoreEmbedded } from '../../scripts/backup/embedded-backup';

describe('backup: the federation key file', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-backup-key-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function dataDirWith(key: string | null): string {
    const dataDir = path.join(tmp, 'data');
    fs.mkdirSync(path.join(dataDir, 'db'), { recursive: true });
    const db = new Database(path.join(dataDir, 'db', 'techexchange.sqlite'));
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
    db.close();
    if (key !== null) {
      fs.mkdirSync(path.join(dataDir, 'federation'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'federation', 'identity.json'), key, { mode: 0o600 });
    }
    return dataDir;
  }

  it('is in the backup and put back by a restore, readable by its owner alone', async () => {
    const dataDir = dataDirWith('{"keyId":"ed25519:0123456789abcdef"}');
    const out = path.join(tmp, 'backup');
    const manifest = await backupEmbedded(dataDir, out);
    assert.equal(manifest.federationKey, true);
    const copied = path.join(out, 'federation', 'identity.json');
    assert.equal(fs.readFileSync(copied, 'utf8'), '{"keyId":"ed25519:0123456789abcdef"}');
    assert.equal(fs.statSync(copied).mode & 0o777, 0o600);

    const fresh = path.join(tmp, 'fresh');
    restoreEmbedded(out, fresh, { searchIndexPath: ':memory:' });
    const restored = path.join(fresh, 'federation', 'identity.json');
    assert.equal(fs.readFileSync(restored, 'utf8'), '{"keyId":"ed25519:0123456789abcdef"}');
    assert.equal(fs.statSync(restored).mode & 0o777, 0o600);
  });

  it('is simply absent from the backup of an exchange that never made one', async () => {
    const manifest = await backupEmbedded(dataDirWith(null), path.join(tmp, 'backup'));
    assert.equal(manifest.federationKey, false);
    assert.equal(fs.existsSync(path.join(tmp, 'backup', 'federation')), false);
  });
});
