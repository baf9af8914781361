/** Helpers for the unit tests of the signed envelopes' checks (answer replies, inquiry receipts). */
import assert from 'node:assert/strict';
import { signBody } from '../../server/federation/signing';
import type { EnvelopeCheck } from '../../server/federation/envelope-rules';

/** The signature headers of `body` signed with a key pair (by default the partner's own). */
export function envelopeHeaders(signer: { privateKey: string; keyId: string }) {
  return (body: string, privateKey = signer.privateKey, keyId = signer.keyId) => ({
    signature: signBody(body, privateKey),
    keyId,
  });
}

/** A refused check as `<status> <reason>`; fails when the check trusted the envelope. */
export function refusalOf(check: EnvelopeCheck<unknown>): string {
  assert.equal(check.ok, false);
  return check.ok ? '' : `${check.status} ${check.reason}`;
}
