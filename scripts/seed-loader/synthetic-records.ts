/**
 * Synthetic listings (scripts/synthetic) as database records of published offers and demands,
 * with the organizations they name. Bulk loads store them without search-dirty marks and then
 * ask for an index rebuild: clearing 100,000 marks one by one would take FerretDB many minutes.
 */
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { ORGANIZATION_KINDS } from '../../server/api-contract/enums';
import { OrganizationModel } from '../../server/organizations/organization.model';
import { OfferModel } from '../../server/offers/offer.model';
import { DemandModel } from '../../server/demands/demand.model';
import type { SyntheticListing } from '../synthetic/listings';

const DAY_MS = 24 * 3600 * 1000;
const BATCH = 2000;

/** The same synthetic organization key always gives the same id, so repeated loads share organizations. */
export function syntheticOrganizationId(key: string): mongoose.Types.ObjectId {
  return new mongoose.Types.ObjectId(
    createHash('sha1').update(`synthetic-org:${key}`).digest('hex').slice(0, 24),
  );
}

function organizationRecord(key: string, index: number) {
  return {
    _id: syntheticOrganizationId(key),
    name: `Đơn vị thử nghiệm ${key.replace(/^org/, '').replace(/0+$/, '') || '0'}`,
    kind: ORGANIZATION_KINDS[index % 3],
    province: 'ha_noi',
    description: 'Tổ chức tổng hợp để thử tải sàn giao dịch.',
    verified: true,
    capability: { fields: [], keywords: [], labs: [] },
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

export function syntheticListingRecord(listing: SyntheticListing, now: Date) {
  const publishedAt = new Date(listing.publishedAt);
  const createdAt = new Date(publishedAt.getTime() - 2 * DAY_MS);
  const organizationId = syntheticOrganizationId(listing.organizationId);
  const common = {
    _id: new mongoose.Types.ObjectId(),
    organizationId,
    createdBy: organizationId,
    status: 'published',
    title: listing.title,
    summary: listing.summary,
    language: listing.language,
    field: listing.field,
    subField: listing.subField,
    keywords: listing.keywords,
    transferModes: listing.transferModes,
    province: listing.province,
    attachments: [],
    createdAt,
    updatedAt: publishedAt,
    submittedAt: new Date(publishedAt.getTime() - DAY_MS),
    publishedAt,
    createdMonth: createdAt.toISOString().slice(0, 7),
    rev: 1,
    searchDirty: false,
  };
  const { model, amount, currency } = listing.pricing;
  if (listing.kind === 'offer') {
    const auction = model === 'auction' && amount !== undefined;
    const pricing = auction
      ? {
          model,
          amount,
          currency,
          reservePrice: amount,
          closesAt: new Date(now.getTime() + (30 + (amount % 90)) * DAY_MS),
        }
      : {
          model: model === 'auction' ? 'negotiable' : model,
          ...(amount !== undefined ? { amount } : {}),
          currency,
        };
    return {
      kind: 'offer' as const,
      record: {
        ...common,
        description: listing.description,
        trl: listing.trl,
        ipStatus: 'none',
        ipNumbers: [],
        pricing,
        sectors: [],
      },
    };
  }
  const budget = amount !== undefined ? { min: Math.floor(amount / 2), max: amount, currency } : { currency };
  return {
    kind: 'demand' as const,
    record: {
      ...common,
      problem: listing.description,
      desiredOutcome: '',
      minTrl: listing.trl,
      budget,
      mode: 'open',
    },
  };
}

/** Inserts the listings (and any organization they name that is missing); reports progress per batch. */
export async function insertSyntheticListings(
  listings: SyntheticListing[],
  onProgress?: (done: number, total: number) => void,
  now = new Date(),
): Promise<{ offers: number; demands: number; organizations: number }> {
  const keys = [...new Set(listings.map((l) => l.organizationId))];
  const existing = new Set(
    (
      await OrganizationModel.find(
        { _id: mongoose.trusted({ $in: keys.map(syntheticOrganizationId) }) },
        { _id: 1 },
      ).lean()
    ).map((o) => String(o._id)),
  );
  const newOrgs = keys.map(organizationRecord).filter((o) => !existing.has(String(o._id)));
  if (newOrgs.length > 0) await OrganizationModel.collection.insertMany(newOrgs);

  let offers = 0;
  let demands = 0;
  for (let i = 0; i < listings.length; i += BATCH) {
    const records = listings.slice(i, i + BATCH).map((l) => syntheticListingRecord(l, now));
    const offerRecords = records.filter((r) => r.kind === 'offer').map((r) => r.record);
    const demandRecords = records.filter((r) => r.kind === 'demand').map((r) => r.record);
    if (offerRecords.length > 0) await OfferModel.collection.insertMany(offerRecords, { ordered: false });
    if (demandRecords.length > 0) await DemandModel.collection.insertMany(demandRecords, { ordered: false });
    offers += offerRecords.length;
    demands += demandRecords.length;
    onProgress?.(Math.min(i + BATCH, listings.length), listings.length);
  }
  return { offers, demands, organizations: newOrgs.length };
}
