/** Assigning and removing the accredited broker who mediates a deal. */
import { recordWritten } from '../common/record-changes';
import mongoose from 'mongoose';
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { UserModel } from '../auth/user.model';
import { recordAudit } from '../audit/audit.service';
import { DealModel, type DealDoc } from './deal.model';
import { dealView, type DealView } from './deal.view';
import { canAssignBroker, DEAL_TERMINAL_STATES, type DealRole } from './deal-machine';
import { loadDealForUser, withDealLock } from './deal.service';
import { publishDealEvent } from './deal-events';
import { named, organizationNames } from './names';

function assertMayManageBroker(deal: DealView, role: DealRole): void {
  if (canAssignBroker(deal.status, role)) return;
  if (role === 'seller' || role === 'buyer' || role === 'admin') {
    throw AppError.conflict('The deal has ended; its broker can no longer change.');
  }
  throw AppError.forbidden('Only the parties and operators may choose the broker.');
}

async function assertBrokerUser(userId: string, deal: DealView): Promise<void> {
  const broker = await UserModel.findById(userId).lean();
  if (!broker || broker.role !== 'broker') {
    throw AppError.validation([{ field: 'userId', message: 'userId must be a user with the broker role' }]);
  }
  const orgId = broker.organizationId ? String(broker.organizationId) : undefined;
  if (orgId && (orgId === deal.sellerOrgId || orgId === deal.buyerOrgId)) {
    throw AppError.validation([
      { field: 'userId', message: 'the broker cannot be a member of either party' },
    ]);
  }
}

export async function assignBroker(user: SessionUser, dealId: string, brokerUserId: string, bus?: EventBus) {
  const { deal, role } = await loadDealForUser(user, dealId);
  assertMayManageBroker(deal, role);
  await assertBrokerUser(brokerUserId, deal);
  if (deal.brokerUserId === brokerUserId) return deal;
  const entry = {
    at: new Date(),
    actorId: user.id,
    actorRole: role,
    event: 'broker_assigned',
    data: { brokerUserId, ...(deal.brokerUserId ? { replaced: deal.brokerUserId } : {}) },
  };
  const updated = await withDealLock(
    dealId,
    async () =>
      (await DealModel.findOneAndUpdate(
        { _id: dealId, status: mongoose.trusted({ $nin: DEAL_TERMINAL_STATES }) },
        { $set: { brokerUserId }, $push: { timeline: entry } },
        { returnDocument: 'after' },
      ).lean()) as DealDoc | null,
  );
  if (!updated) throw AppError.conflict('The deal has ended; its broker can no longer change.');
  await recordWritten({ type: 'deal', id: dealId, after: updated });
  if (deal.brokerUserId) publishDealEvent(bus, dealId, 'broker:removed', { brokerUserId: deal.brokerUserId });
  publishDealEvent(bus, dealId, 'broker:assigned', { brokerUserId });
  await recordAudit({
    actorId: user.id,
    action: 'deal.broker.assign',
    targetType: 'deal',
    targetId: dealId,
    data: { brokerUserId },
  });
  return dealView(updated);
}

export async function removeBroker(user: SessionUser, dealId: string, bus?: EventBus) {
  const { deal, role } = await loadDealForUser(user, dealId);
  if (role !== 'seller' && role !== 'buyer' && role !== 'admin') {
    throw AppError.forbidden('Only the parties and operators may remove the broker.');
  }
  const brokerUserId = deal.brokerUserId;
  if (!brokerUserId) throw AppError.conflict('This deal has no broker.');
  const entry = {
    at: new Date(),
    actorId: user.id,
    actorRole: role,
    event: 'broker_removed',
    data: { brokerUserId },
  };
  const updated = await withDealLock(
    dealId,
    async () =>
      (await DealModel.findOneAndUpdate(
        { _id: dealId, brokerUserId },
        { $unset: { brokerUserId: 1 }, $push: { timeline: entry } },
        { returnDocument: 'after' },
      ).lean()) as DealDoc | null,
  );
  if (!updated) throw AppError.conflict('The broker changed meanwhile; reload the deal.');
  await recordWritten({ type: 'deal', id: dealId, after: updated });
  publishDealEvent(bus, dealId, 'broker:removed', { brokerUserId });
  await recordAudit({
    actorId: user.id,
    action: 'deal.broker.remove',
    targetType: 'deal',
    targetId: dealId,
    data: { brokerUserId },
  });
  return dealView(updated);
}

/** Users with the broker role a party or an operator may choose from (never a member of either party). */
export async function listBrokerCandidates(user: SessionUser, dealId: string) {
  const { deal, role } = await loadDealForUser(user, dealId);
  assertMayManageBroker(deal, role);
  const brokers = await UserModel.find({ role: 'broker' }, { name: 1, organizationId: 1 })
    .sort({ name: 1 })
    .limit(200)
    .lean();
  const eligible = brokers.filter((b) => {
    const orgId = b.organizationId ? String(b.organizationId) : undefined;
    return orgId !== deal.sellerOrgId && orgId !== deal.buyerOrgId;
  });
  const orgs = await organizationNames(
    eligible.map((b) => (b.organizationId ? String(b.organizationId) : undefined)),
  );
  return eligible.map((b) => ({
    id: String(b._id),
    name: b.name,
    organization: named(orgs, b.organizationId ? String(b.organizationId) : undefined),
  }));
}
