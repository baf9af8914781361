/** Demo data turned into database records (plain objects, ids chosen here). Pure. */
import mongoose from 'mongoose';
import type {
  DemoCapabilityAssessment,
  DemoDemand,
  DemoOffer,
  DemoOrganization,
  DemoUser,
} from './data/types';
import { CAPABILITY_CRITERIA } from '../api-contract/capability-criteria';
import { scoreCapability } from '../capability';
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

/** A demo assessment as stored: its answers from the bands, scored as a save would score them. */
export function capabilityRecord(a: DemoCapabilityAssessment, organizationId: string, now: Date) {
  const bands = a.bands.replace(/\s+/g, '');
  if (bands.length !== CAPABILITY_CRITERIA.length)
    throw new Error(`demo capability of ${a.organizationKey}: 26 bands`);
  const answers = Object.fromEntries(CAPABILITY_CRITERIA.map((c, i) => [c.code, Number(bands[i])]));
  const scored = scoreCapability(answers);
  const completedAt = daysFromNow(now, -40);
  return {
    _id: `${organizationId}:${a.sector}`,
    organizationId,
    sector: a.sector,
    answers,
    groups: scored.groups,
    score: scored.score,
    answered: scored.answered,
    complete: scored.complete,
    synchronisation: scored.synchronisation,
    level: scored.level,
    weakestGroups: scored.weakestGroups,
    visibility: a.visibility,
    completedAt,
    ...(a.verified ? { verifiedAt: daysFromNow(now, -20), verificationNote: 'Khảo sát tại nhà máy' } : {}),
  };
}
