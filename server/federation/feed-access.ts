/**
 * Who may read the feed: a partner API key with the `federation` scope (the route's scope check
 * lets no other key through), or a request signed by an active registered partner (request-rules)
 * whose nonce was not seen before. Anything else is refused before the query is even read — 401,
 * or 403 for a suspended partner — and why recorded on the partner when it is known.
 */
import type { Request, RequestHandler } from 'express';
import { apiKeyCaller } from '../common/api-key-access';
import { KEY_ID_HEADER, NONCE_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signing';
import { checkSignedRequest, requestHeadersProblem, type RequestSignature } from './request-rules';
import { partnerByKeyId } from './partner.store';
import { partnerSigningAs } from './partner-keys.service';
import { claimNonce } from './nonce.store';
import { refuseSigned } from './inbox';

export type FeedReader = { kind: 'apiKey'; id: string } | { kind: 'partner'; id: string; name: string };

function signatureOf(req: Request): RequestSignature {
  return {
    signature: req.get(SIGNATURE_HEADER) ?? null,
    keyId: req.get(KEY_ID_HEADER) ?? null,
    timestamp: req.get(TIMESTAMP_HEADER) ?? null,
    nonce: req.get(NONCE_HEADER) ?? null,
  };
}

export async function authorizeFeedReader(req: Request, now = new Date()): Promise<FeedReader> {
  const key = apiKeyCaller(req);
  if (key) return { kind: 'apiKey', id: key.id };
  const headers = signatureOf(req);
  // Partners are asked for new keys only for a request that could be theirs (signed, fresh).
  const partner = !headers.keyId
    ? null
    : requestHeadersProblem(headers, now)
      ? await partnerByKeyId(headers.keyId, now)
      : await partnerSigningAs(headers.keyId, now);
  const check = checkSignedRequest(
    { method: req.method, pathAndQuery: req.originalUrl, headers },
    partner,
    now,
  );
  if (!check.ok) return refuseSigned(partner, check.status, check.reason, now);
  const from = partner!;
  if (!(await claimNonce(from.keyId, check.nonce, now)))
    return refuseSigned(from, 401, `replayed: the nonce ${check.nonce} was seen already`, now);
  return { kind: 'partner', id: String(from._id), name: from.name };
}

/** The route's guard: only feed readers go on. */
export const feedReadersOnly: RequestHandler = (req, _res, next) => {
  authorizeFeedReader(req).then(
    () => next(),
    (err: unknown) => next(err),
  );
};
