/**
 * Loads the demo organizations, users, offers and demands into an empty database (one with no
 * organizations); does nothing otherwise. Listings are stored marked dirty, so the search
 * indexer picks them up when it starts.
 */
import mongoose from 'mongoose';
import { OrganizationModel } from '../organizations/organization.model';
import { UserModel } from '../auth/user.model';
import { OfferModel } from '../offers/offer.model';
import { DemandModel } from '../demands/demand.model';
import { hashPassword } from '../auth';
import {
  DEMO_CAPABILITY_ASSESSMENTS,
  DEMO_DEMANDS,
  DEMO_OFFERS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
} from './data';
import { CapabilityAssessmentModel } from '../capability/capability.model';
import { capabilityRecord, demandRecord, offerRecord, organizationRecord, userRecord } from './demo-records';
import { DemoPictures, hasDemoPicture } from './demo-images';
import type { ListingKind } from '../api-contract/enums';
import { markOwnerListsStale } from '../owner-list-sync';
import { markStatsRollupsStale } from '../stats';

export interface DemoLoadResult {
  loaded: boolean;
  organizations: number;
  users: number;
  offers: number;
  demands: number;
  /** Listings given a generated picture (none without a data directory). */
  pictures: number;
}

/**
 * Gives two of every three listings a picture filed under `dataDir` (listing-images), its id
 * chosen here so the picture's files name their listing.
 */
async function withPictures<T extends { field: string; title: string }>(
  records: T[],
  kind: ListingKind,
  pictures: DemoPictures | undefined,
): Promise<{ records: T[]; count: number }> {
  if (!pictures) return { records, count: 0 };
  let count = 0;
  const out = await Promise.all(
    records.map(async (record, index) => {
      if (!hasDemoPicture(index)) return record;
      const _id = new mongoose.Types.ObjectId();
      const image = await pictures.forListing(kind, String(_id), record.field, index, record.title);
      count++;
      return { ...record, _id, images: [image] };
    }),
  );
  return { records: out, count };
}

export async function loadDemoData(
  opts: {
    log?: (message: string) => void;
    now?: Date;
    /** Where listing images live (DATA_DIR): given, most demo listings get a generated picture. */
    dataDir?: string;
  } = {},
): Promise<DemoLoadResult> {
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  if ((await OrganizationModel.countDocuments({})) > 0) {
    log('demo data: the database already has organizations, nothing loaded');
    return { loaded: false, organizations: 0, users: 0, offers: 0, demands: 0, pictures: 0 };
  }
  const orgs = DEMO_ORGANIZATIONS.map((o) => ({ key: o.key, record: organizationRecord(o, now) }));
  const orgId = new Map(orgs.map((o) => [o.key, o.record._id]));
  const idOf = (key: string) => {
    const id = orgId.get(key);
    if (!id) throw new Error(`demo data: unknown organization "${key}"`);
    return id;
  };
  // One hash for every demo account: they share one password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = DEMO_USERS.map((u) => ({
    key: u.organizationKey,
    record: userRecord(u, idOf(u.organizationKey), passwordHash),
  }));
  const authorOf = new Map<string, mongoose.Types.ObjectId>();
  for (const u of users) if (!authorOf.has(u.key)) authorOf.set(u.key, u.record._id);
  const owner = (key: string) => ({ organizationId: idOf(key), createdBy: authorOf.get(key) ?? idOf(key) });

  await OrganizationModel.insertMany(orgs.map((o) => o.record));
  await UserModel.insertMany(users.map((u) => u.record));
  const pictures = opts.dataDir ? new DemoPictures(opts.dataDir) : undefined;
  const offers = await withPictures(
    DEMO_OFFERS.map((o, i) => offerRecord(o, owner(o.organizationKey), i, DEMO_OFFERS.length, now)),
    'offer',
    pictures,
  );
  const demands = await withPictures(
    DEMO_DEMANDS.map((d, i) => demandRecord(d, owner(d.organizationKey), i, DEMO_DEMANDS.length, now)),
    'demand',
    pictures,
  );
  await OfferModel.insertMany(offers.records, { timestamps: false } as never);
  await DemandModel.insertMany(demands.records, { timestamps: false } as never);
  await CapabilityAssessmentModel.insertMany(
    DEMO_CAPABILITY_ASSESSMENTS.map((a) => capabilityRecord(a, String(idOf(a.organizationKey)), now)),
  );
  // Written past the stores: the lists and rollups kept from the stores' writes are rebuilt next.
  await markOwnerListsStale();
  await markStatsRollupsStale();
  const result = {
    loaded: true,
    organizations: orgs.length,
    users: users.length,
    offers: DEMO_OFFERS.length,
    demands: DEMO_DEMANDS.length,
    pictures: offers.count + demands.count,
  };
  log(
    `demo data: ${result.organizations} organizations, ${result.users} users, ${result.offers} offers, ${result.demands} demands, ${result.pictures} pictures`,
  );
  return result;
}
