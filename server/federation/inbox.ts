/**
 * What every inbox of signed envelopes shares (inquiries, answers): the raw body and signature
 * headers of the request, and a refusal recorded on the partner when it is known.
 */
import type { Request } from 'express';
import { AppError } from '../common/errors';
import { logger } from '../common/logger';
import { KEY_ID_HEADER, SIGNATURE_HEADER } from './signing';
import { recordRefusal, type PartnerDoc } from './partner.store';

/** The exact bytes received (`express.raw` on `/api/federation/inbox`) and the signature headers. */
export function signedRequest(req: Request): {
  raw: Buffer;
  headers: { signature: string | null; keyId: string | null };
} {
  return {
    raw: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    headers: { signature: req.get(SIGNATURE_HEADER) ?? null, keyId: req.get(KEY_ID_HEADER) ?? null },
  };
}

/** Why a request was refused, recorded on the partner when it is known, and the error answered. */
export async function refuseSigned(
  partner: PartnerDoc | null,
  status: number,
  reason: string,
  now: Date,
): Promise<never> {
  if (partner) await recordRefusal(String(partner._id), now, reason);
  else logger.warn({ reason }, 'a signed request from no registered partner was refused');
  if (status === 400) throw AppError.validation([{ field: 'body', message: reason }], reason);
  if (status === 401) throw AppError.unauthenticated(reason);
  if (status === 403) throw AppError.forbidden(reason);
  if (status === 404) throw new AppError('not_found', reason);
  throw AppError.conflict(reason);
}
