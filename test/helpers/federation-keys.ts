/** The exchange's federation key file as a test app keeps it (`<DATA_DIR>/federation/identity.json`). */
import assert from 'node:assert/strict';
import type { TestApp } from './test-app';
import { checkSignature } from '../../server/federation/signing';
import { keyFilePath, readKeyFile, type KeyFile } from '../../server/federation/identity-file';

export function ownKeyFile(app: TestApp): KeyFile {
  const keys = readKeyFile(keyFilePath(app.ctx.config.dataDir));
  if (!keys) throw new Error('the exchange has no key file yet');
  return keys;
}

/** Asserts that `headers` sign exactly `body` with `key` (as `GET /api/federation/key` publishes it). */
export function assertSignedBy(
  body: string,
  headers: Record<string, string | undefined>,
  key: { keyId: string; publicKey: string },
  message: string,
): void {
  assert.equal(headers['x-federation-key-id'], key.keyId, message);
  const signature = headers['x-federation-signature'];
  assert.equal(checkSignature(body, { signature, keyId: key.keyId }, key), null, message);
}
