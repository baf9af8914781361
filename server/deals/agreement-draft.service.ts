/** The contract draft of an agreed deal, in the language asked for. */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { Currency, Locale, TransferMode } from '../api-contract/enums';
import { loadListing } from '../listings';
import { loadDealForUser } from './deal.service';
import { renderAgreementDraft, type AgreementParty } from './agreement-draft';
import { userReads } from '../auth';
import { organizationReads } from '../organizations';

async function partyOf(orgId: string): Promise<AgreementParty> {
  const org = await organizationReads.findById(orgId).lean();
  return {
    name: org?.name ?? '',
    kind: org?.kind ?? undefined,
    taxCode: org?.taxCode ?? undefined,
    province: org?.province ?? undefined,
  };
}

/** The transfer mode of the bid a deal began from (the bids component's, passed in by app.ts). */
export type BidTransferModeOf = (bidId: string) => Promise<TransferMode | undefined>;

export async function agreementDraftHtml(
  user: SessionUser,
  dealId: string,
  locale: Locale,
  bidTransferModeOf: BidTransferModeOf,
): Promise<string> {
  const { deal } = await loadDealForUser(user, dealId);
  const version = deal.agreedVersion;
  const sheet = version ? deal.termSheets.find((s) => s.version === version) : undefined;
  if (!sheet)
    throw AppError.conflict('The contract draft exists once both parties have accepted the same terms.');
  const [seller, buyer, listing, bidTransferMode, broker] = await Promise.all([
    partyOf(deal.sellerOrgId),
    partyOf(deal.buyerOrgId),
    loadListing(deal.listingKind, deal.listingId),
    deal.bidId ? bidTransferModeOf(deal.bidId) : undefined,
    deal.brokerUserId ? userReads.findById(deal.brokerUserId).lean() : null,
  ]);
  return renderAgreementDraft(
    {
      dealId: deal.id,
      version: sheet.version,
      generatedAt: new Date(),
      seller,
      buyer,
      broker: broker ? { name: broker.name } : null,
      technology: {
        title: deal.listingTitle,
        kind: deal.listingKind,
        field: listing?.field ?? deal.field,
        trl: listing?.trl,
        ipStatus: listing?.ipStatus,
        transferMode:
          bidTransferMode ?? (listing?.transferModes.length === 1 ? listing.transferModes[0] : undefined),
      },
      terms: {
        price: sheet.price,
        currency: sheet.currency as Currency,
        royaltyPct: sheet.royaltyPct,
        exclusivity: sheet.exclusivity,
        territory: sheet.territory,
        durationMonths: sheet.durationMonths,
        milestones: sheet.milestones,
      },
      acceptances: sheet.acceptedBy.map((a) => ({ role: a.role, at: a.at })),
    },
    locale,
  );
}
