/**
 * Signed requests from partner exchanges (a pull of the feed) as pure rules: a request is
 * trusted when its signature, by the key registered for the partner its key id names, covers its
 * method, path and query as received, its timestamp and its nonce; the timestamp lies within
 * MAX_CLOCK_SKEW_MS of `now`; and the partner is not suspended. The nonce is checked against
 * those seen by the caller, which holds them. No I/O, no clock.
 */
import { MAX_CLOCK_SKEW_MS } from './import-rules';
import { NONCE_PATTERN, checkSignature, requestSigningString } from './signing';

export interface RequestSignature {
  signature?: string | null;
  keyId?: string | null;
  timestamp?: string | null;
  nonce?: string | null;
}

export interface SignedRequestInput {
  method: string;
  /** The path from `/api` on and the query, exactly as received. */
  pathAndQuery: string;
  headers: RequestSignature;
}

export interface RequestRefusal {
  status: 401 | 403;
  reason: string;
}

export interface RequestSigner {
  keyId: string;
  publicKey: string;
  status: 'active' | 'suspended';
}

export type RequestCheck = { ok: true; nonce: string } | ({ ok: false } & RequestRefusal);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** What is wrong with the signature's headers by themselves (missing, malformed, too old), or null. */
export function requestHeadersProblem(headers: RequestSignature, now: Date): RequestRefusal | null {
  if (!headers.signature || !headers.keyId)
    return {
      status: 401,
      reason:
        'unsigned: only partner exchanges (a signed request) or API keys with the federation scope may read this',
    };
  if (
    !headers.timestamp ||
    !ISO_TIME.test(headers.timestamp) ||
    !headers.nonce ||
    !NONCE_PATTERN.test(headers.nonce)
  )
    return { status: 401, reason: 'malformed: a signed request carries an ISO 8601 timestamp and a nonce' };
  const skew = Math.abs(Date.parse(headers.timestamp) - now.getTime());
  if (!(skew <= MAX_CLOCK_SKEW_MS))
    return { status: 401, reason: `expired: the request was signed ${headers.timestamp}, too far from now` };
  return null;
}

/** The request trusted as `partner`'s (null: no partner has its key id), or why not. */
export function checkSignedRequest(
  request: SignedRequestInput,
  partner: RequestSigner | null,
  now: Date,
): RequestCheck {
  const h = request.headers;
  const problem = requestHeadersProblem(h, now);
  if (problem) return { ok: false, ...problem };
  if (!partner)
    return { ok: false, status: 401, reason: `unknown key: no partner is registered with ${h.keyId}` };
  const signed = requestSigningString({
    method: request.method,
    pathAndQuery: request.pathAndQuery,
    timestamp: h.timestamp!,
    nonce: h.nonce!,
  });
  const refusal = checkSignature(signed, h, partner);
  if (refusal === 'unknown_key') return { ok: false, status: 401, reason: `unknown key: ${h.keyId}` };
  if (refusal)
    return {
      ok: false,
      status: 401,
      reason: 'bad signature: the request does not verify against the registered key',
    };
  if (partner.status !== 'active')
    return { ok: false, status: 403, reason: 'suspended: this partner exchange is suspended here' };
  return { ok: true, nonce: h.nonce! };
}
