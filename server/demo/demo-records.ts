/** Demo data turned into database records (plain objects, ids chosen here). Pure. */
import mongoose from 'mongoose';
import type { DemoDemand, DemoOffer, DemoOrganization, DemoUser } from './data/types';
import { daysFromNow, demoListingDates } from './demo-dates';

type Id = mongoose.Types.ObjectId;

export function organizationRecord(org: DemoOrganization, now: Date) {
  const { key: _key, ...fields } = org;
  return { _id: new mongoose.Types.ObjectId(), ...fields, ...(org.verified ? { verifiedAt: now } : {}) };
}

export function userRecord(user: DemoUser, organizationId: Id, passwordHash: string) {
  return {
    _id: new mongoose.Types.ObjectId(),
    email: user.email.toLowerCase(),
    name: user.name,
    role: user.role,
    locale: user.locale,
    organizationId,
    membershipStatus: 'active',
    organizationAdmin: true,
    passwordHash,
  };
}

interface Owner {
  organizationId: Id;
  createdBy: Id;
}

const LISTING_MARKS = { rev: 1, searchDirty: true };

export function offerRecord(offer: DemoOffer, owner: Owner, index: number, count: number, now: Date) {
  const { key: _key, organizationKey: _org, pricing, ...fields } = offer;
  const { closesInDays, ...price } = pricing;
  return {
    ...fields,
    ...owner,
    pricing: {
      ...price,
      ...(closesInDays !== undefined ? { closesAt: daysFromNow(now, closesInDays) } : {}),
    },
    ...demoListingDates(offer.status, index, count, now),
    ...LISTING_MARKS,
  };
}

export function demandRecord(demand: DemoDemand, owner: Owner, index: number, count: number, now: Date) {
  const { key: _key, organizationKey: _org, deadlineInDays, ...fields } = demand;
  return {
    ...fields,
    ...owner,
    ...(deadlineInDays !== undefined ? { deadline: daysFromNow(now, deadlineInDays) } : {}),
    ...demoListingDates(demand.status, index, count, now),
    ...LISTING_MARKS,
  };
}
