import type { DealDoc } from './deal.model';
import type { RoyaltyCadence, TransferMode } from '../api-contract/enums';
import { outcomeViewOf } from './outcome';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const idOf = (v: unknown) => (v == null ? undefined : String(v));

type TermSheetDoc = DealDoc['termSheets'][number];

export function termSheetView(sheet: TermSheetDoc) {
  return {
    version: sheet.version,
    price: sheet.price,
    currency: sheet.currency,
    royaltyPct: sheet.royaltyPct ?? undefined,
    royaltyReporting: (sheet.royaltyReporting ?? undefined) as RoyaltyCadence | undefined,
    exclusivity: sheet.exclusivity,
    transferMode: (sheet.transferMode ?? undefined) as TransferMode | undefined,
    territory: sheet.territory ?? undefined,
    durationMonths: sheet.durationMonths ?? undefined,
    milestones: (sheet.milestones ?? []).map((m) => ({
      title: m.title ?? '',
      dueDate: iso(m.dueDate),
      amount: m.amount ?? undefined,
      deliverable: m.deliverable ?? undefined,
    })),
    proposedBy: String(sheet.proposedBy),
    proposedByRole: sheet.proposedByRole,
    acceptedBy: (sheet.acceptedBy ?? []).map((a) => ({
      role: a.role as 'seller' | 'buyer',
      userId: idOf(a.userId),
      at: iso(a.at),
    })),
    createdAt: iso(sheet.createdAt),
  };
}

export type TermSheetView = ReturnType<typeof termSheetView>;

/** A deal as the API returns it: ids as strings, times as ISO strings. */
export function dealView(deal: DealDoc) {
  return {
    id: String(deal._id),
    reference: deal.reference ?? undefined,
    status: deal.status,
    listingKind: deal.listingKind,
    listingId: String(deal.offerId ?? deal.demandId),
    offerId: idOf(deal.offerId),
    demandId: idOf(deal.demandId),
    listingTitle: deal.listingTitle,
    title: deal.listingTitle,
    field: deal.field ?? undefined,
    bidId: idOf(deal.bidId),
    sellerOrgId: String(deal.sellerOrgId),
    buyerOrgId: String(deal.buyerOrgId),
    brokerUserId: idOf(deal.brokerUserId),
    termSheets: (deal.termSheets ?? []).map(termSheetView),
    latestVersion: deal.latestVersion ?? 0,
    agreedVersion: deal.agreedVersion ?? undefined,
    depositCredit: deal.depositCredit?.amount
      ? {
          paymentId: String(deal.depositCredit.paymentId),
          amount: deal.depositCredit.amount,
          currency: String(deal.depositCredit.currency),
          payer: deal.depositCredit.payer === 'seller' ? ('seller' as const) : ('buyer' as const),
        }
      : undefined,
    delivery: deal.delivery?.length
      ? deal.delivery.map((m) => ({
          n: m.n,
          status: m.status,
          ...(m.acceptedAmount != null ? { acceptedAmount: m.acceptedAmount } : {}),
        }))
      : undefined,
    timeline: (deal.timeline ?? []).map((e) => ({
      at: iso(e.at),
      actorId: idOf(e.actorId),
      actorRole: e.actorRole ?? undefined,
      event: e.event,
      from: e.from ?? undefined,
      to: e.to ?? undefined,
      data: e.data ?? undefined,
    })),
    ndaAcceptances: (deal.ndaAcceptances ?? []).map((n) => ({
      userId: idOf(n.userId),
      orgId: idOf(n.orgId),
      role: n.role ?? undefined,
      at: iso(n.at),
      text: n.text ?? '',
    })),
    documentAccess: deal.documentAccess?.status
      ? {
          status: deal.documentAccess.status,
          requestedAt: iso(deal.documentAccess.requestedAt),
          decidedAt: iso(deal.documentAccess.decidedAt),
        }
      : undefined,
    brokerConsents: (deal.brokerConsents ?? []).map(String),
    brokerProposal: deal.brokerProposal?.userId
      ? {
          userId: String(deal.brokerProposal.userId),
          role: deal.brokerProposal.role as 'seller' | 'buyer',
          at: iso(deal.brokerProposal.at),
        }
      : undefined,
    source:
      deal.source?.kind === 'event' && deal.source.eventId && deal.source.meetingId
        ? { kind: 'event' as const, eventId: deal.source.eventId, meetingId: deal.source.meetingId }
        : undefined,
    cancelReason: deal.cancelReason ?? undefined,
    outcome: outcomeViewOf(deal.outcome),
    closedAt: iso(deal.closedAt),
    createdAt: iso(deal.createdAt),
    updatedAt: iso(deal.updatedAt),
  };
}

export type DealView = ReturnType<typeof dealView>;
