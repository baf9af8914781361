/** What the federation routes answer: partners and imported listings. */
import type { PartnerDoc } from './partner.model';
import type { ImportedListingDoc } from './imported-listing.model';
import { homeUrl } from './import-rules';

export function partnerView(p: PartnerDoc) {
  return {
    id: String(p._id),
    name: p.name,
    code: p.code,
    baseUrl: p.baseUrl,
    keyId: p.keyId,
    fingerprint: p.fingerprint,
    status: p.status,
    cursor: p.cursor ?? null,
    lastPull: p.lastPull
      ? {
          at: new Date(p.lastPull.at).toISOString(),
          ok: p.lastPull.ok,
          ...(p.lastPull.reason ? { reason: p.lastPull.reason } : {}),
          imported: p.lastPull.imported ?? 0,
          removed: p.lastPull.removed ?? 0,
        }
      : null,
    lastRefusal: p.lastRefusal?.at
      ? { at: new Date(p.lastRefusal.at).toISOString(), reason: p.lastRefusal.reason }
      : null,
    createdAt: new Date(p.createdAt).toISOString(),
  };
}

export function importedListingView(doc: ImportedListingDoc, home: { name: string; baseUrl: string }) {
  return {
    id: doc._id,
    kind: doc.kind,
    origin: doc.origin,
    home: { name: home.name, url: homeUrl(home.baseUrl, doc.kind, doc.remoteId) },
    readOnly: true as const,
    changedAt: new Date(doc.changedAt).toISOString(),
    importedAt: new Date(doc.importedAt).toISOString(),
    ...doc.listing,
  };
}

export function receivedInquiryView(doc: {
  _id: string;
  partnerName: string;
  kind: string;
  listingId: string;
  listingTitle: string;
  message: string;
  asker: { organizationName: string; name: string };
  receivedAt: Date;
}) {
  return {
    id: doc._id,
    homeExchange: doc.partnerName,
    kind: doc.kind,
    listingId: doc.listingId,
    listingTitle: doc.listingTitle,
    message: doc.message,
    asker: { organizationName: doc.asker.organizationName, name: doc.asker.name },
    receivedAt: new Date(doc.receivedAt).toISOString(),
  };
}
