/**
 * Who may upload is decided before the file is read: a stranger's upload is refused without
 * buffering a byte of it. The service checks again under its own rules.
 */
import type { Request, RequestHandler } from 'express';
import { AppError } from '../common/errors';
import { isObjectId } from '../common/ids';
import type { SessionUser } from '../common/session-user';
import type { ListingKind } from '../api-contract/enums';
import { ownsListing, loadVisibleListing } from '../listings';
import { actingOrganizationId } from '../common/session-user';
import { organizationReads } from '../organizations';
import { storageFull } from './document.service';

export function listingOwnerOnly(kind: ListingKind): RequestHandler {
  return async (req: Request, _res, next) => {
    const id = req.params.id;
    if (!isObjectId(id)) {
      throw AppError.validation([{ field: 'id', message: 'id must be a 24-character hex id' }]);
    }
    const listing = await loadVisibleListing(kind, id, req.user as SessionUser);
    if (!ownsListing(listing, req.user as SessionUser))
      throw AppError.forbidden('Only the listing’s organization may attach documents.');
    next();
  };
}

/**
 * Refuses an upload whose declared length cannot fit in what is left of the organization's
 * storage, before reading it. (The service counts the real size under the organization's lock.)
 */
export function withinStorageQuota(quotaBytes: number): RequestHandler {
  return async (req: Request, _res, next) => {
    const orgId = actingOrganizationId(req.user as SessionUser);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (orgId && declared > 0) {
      const org = await organizationReads.findById(orgId, { storageUsedBytes: 1 }).lean();
      // The multipart envelope adds a few hundred bytes to the file itself.
      if ((org?.storageUsedBytes ?? 0) + declared - 1024 > quotaBytes) throw storageFull(quotaBytes);
    }
    next();
  };
}
