/** What the federation routes answer: partners, imported listings, received inquiries and their answers. */
import type { PartnerDoc } from './partner.model';
import type { ImportedListingDoc } from './imported-listing.model';
import { homeUrl } from './import-rules';
import type { InquiryDelivery, InquiryDoc } from './inquiry.model';
import type { ReceivedInquiryDoc } from './received-inquiry.model';

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

/** Where one signed delivery stands, as the routes show it. */
export function deliveryView(d: InquiryDelivery) {
  const iso = (t?: Date) => (t ? new Date(t).toISOString() : null);
  return {
    state: d.state,
    attempts: d.attempts,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastError: d.lastError ?? null,
    deliveredAt: iso(d.deliveredAt),
    nextAttemptAt: d.state === 'pending' ? iso(d.nextAttemptAt) : null,
  };
}

/** An inquiry sent from here, with its delivery and the answers that came back. */
export function inquiryView(doc: InquiryDoc, home: { name: string; baseUrl: string } | null) {
  return {
    id: String(doc._id),
    listingId: doc.listingId,
    listingTitle: doc.listingTitle,
    home: home ? { name: home.name, url: homeUrl(home.baseUrl, doc.kind, doc.remoteId) } : null,
    message: doc.message,
    createdAt: new Date(doc.createdAt).toISOString(),
    delivery: deliveryView(doc.delivery),
    answers: (doc.answers ?? []).map((a) => ({
      id: a.answerId,
      text: a.text,
      decision: a.decision ?? null,
      answerer: { organizationName: a.answerer.organizationName, name: a.answerer.name },
      contact: a.contact ? { name: a.contact.name, email: a.contact.email } : null,
      answeredAt: new Date(a.answeredAt).toISOString(),
      receivedAt: new Date(a.receivedAt).toISOString(),
    })),
  };
}

export function receivedInquiryView(doc: ReceivedInquiryDoc) {
  return {
    id: doc._id,
    homeExchange: doc.partnerName,
    kind: doc.kind,
    listingId: doc.listingId,
    listingTitle: doc.listingTitle,
    message: doc.message,
    asker: { organizationName: doc.asker.organizationName, name: doc.asker.name },
    decision: (doc.answers ?? []).find((a) => a.decision)?.decision ?? null,
    askerContact: doc.askerContact
      ? {
          name: doc.askerContact.name,
          email: doc.askerContact.email,
          organizationName: doc.askerContact.organizationName,
        }
      : null,
    receivedAt: new Date(doc.receivedAt).toISOString(),
    answers: (doc.answers ?? []).map((a) => ({
      id: a.answerId,
      text: a.text,
      decision: a.decision ?? null,
      answeredBy: a.name,
      sharedContact: !!a.contact,
      answeredAt: new Date(a.answeredAt).toISOString(),
      delivery: deliveryView(a.delivery),
    })),
  };
}
