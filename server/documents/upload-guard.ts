/**
 * Who may upload is decided before the file is read: a stranger's upload is refused without
 * buffering a byte of it. The service checks again under its own rules.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import type { SessionUser } from '../common/session-user';
import type { ListingKind } from '../contract/enums';
import { isListingOwner, loadVisibleListing } from '../bids/listing-ref';

export function listingOwnerOnly(kind: ListingKind): RequestHandler {
  return async (req: Request, _res, next) => {
    const id = req.params.id;
    if (!isObjectId(id)) {
      throw AppError.validation([{ field: 'id', message: 'id must be a 24-character hex id' }]);
    }
    const listing = await loadVisibleListing(kind, id, req.user as SessionUser);
    if (!isListingOwner(listing, req.user as SessionUser))
      throw AppError.forbidden('Only the listing’s organization may attach documents.');
    next();
  };
}
