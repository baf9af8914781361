/** The exchange's key file (identity-file.ts): made once whatever the race, private to its owner, replaced whole, never silently remade. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as keyFile from '../../server/federation/identity-file';
import { generateSigningKeyPair } from '../../server/federation/signing';

const { createKeyFile, keyFilePath, keyFileStamp, readKeyFile, replaceKeyFile } = keyFile;
const keys = () => keyFile.freshKeyFile(generateSigningKeyPair(), new Date());

describe('federation: the key file in the data directory', () => {
  let dataDir: string;
  let file: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-keyfile-'));
    file = keyFilePath(dataDir);
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('lives at <DATA_DIR>/federation/identity.json, absent until made', () => {
    assert.equal(file, path.join(dataDir, 'federation', 'identity.json'));
    assert.equal(readKeyFile(file), null);
    assert.equal(keyFileStamp(file), null);
  });

  it('is made once: a second maker gets the first one’s keys, and no temporary file is left', () => {
    const first = keys();
    const second = keys();
    assert.deepEqual(createKeyFile(file, first), first);
    assert.deepEqual(createKeyFile(file, second), first, 'the loser reads the winner’s key');
    assert.deepEqual(readKeyFile(file), first);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['identity.json']);
  });

  it('is readable by its owner alone (0600)', () => {
    createKeyFile(file, keys());
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    replaceKeyFile(file, keys());
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('is replaced whole by a rotation, and its stamp tells the new version from the old', () => {
    createKeyFile(file, keys());
    const before = keyFileStamp(file);
    const rotated = { ...keys(), endorsement: 'c2lnbmF0dXJl' };
    replaceKeyFile(file, rotated);
    assert.deepEqual(readKeyFile(file), rotated);
    assert.notEqual(keyFileStamp(file), before);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['identity.json']);
  });

  it('refuses a file that is not a key file instead of making a new key over it', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"format":"something else"}');
    assert.throws(() => readKeyFile(file), /not a key file/);
    fs.writeFileSync(file, 'garbage');
    assert.throws(() => readKeyFile(file), /not JSON/);
    assert.throws(() => createKeyFile(file, keys()), /not JSON/);
  });
});
