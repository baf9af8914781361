/**
 * Requests signed as a partner exchange signs them (server/federation/signing.ts): for the tests
 * that read a feed, which answers partners only.
 */
import request from 'supertest';
import type { Target } from './factories';
import { newNonce, signRequest } from '../../server/federation/signing';

export interface TestSigner {
  keyId: string;
  privateKey: string;
}

/** `GET pathAndQuery` (from `/api` on) signed with `signer`'s key, at `now` with `nonce` unless given. */
export function signedGet(
  target: Target,
  pathAndQuery: string,
  signer: TestSigner,
  opts: { now?: Date; nonce?: string; signedPath?: string } = {},
) {
  const headers = signRequest(
    { method: 'GET', pathAndQuery: opts.signedPath ?? pathAndQuery },
    signer,
    opts.now ?? new Date(),
    opts.nonce ?? newNonce(),
  );
  return request(target as never)
    .get(pathAndQuery)
    .set(headers);
}
