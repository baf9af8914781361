/**
 * Assigning and removing the accredited broker who mediates a deal. An operator's choice is
 * seated at once; a party's is a proposal until the other party names the same broker, and both
 * parties have then consented. A party also consents to a broker an operator seated with
 * `consentToBroker`. Only a broker both
 * parties consented to (and who accepted the NDA) opens the listing's confidential documents.
 */
import { AppError } from '../common/errors';
import type { SessionUser } from '../common/session-user';
import type { EventBus } from '../common/events';
import { recordAudit } from '../audit';
import { dealStore } from './deal.store';
import { dealView, type DealView } from './deal.view';
import {
  canAssignBroker,
  DEAL_TERMINAL_STATES,
  planBrokerAssignment,
  type BrokerSeatState,
} from './deal-machine';
import type { DealDoc } from './deal.model';
import { loadDealForUser } from './deal.service';
import { publishDealEvent } from './deal-events';
import { named, organizationNames } from './names';
import { userReads } from '../auth';
import type { DealRole } from '../api-contract/enums';

function assertMayManageBroker(deal: DealView, role: DealRole): void {
  if (canAssignBroker(deal.status, role)) return;
  if (role === 'seller' || role === 'buyer' || role === 'admin') {
    throw AppError.conflict('The deal has ended; its broker can no longer change.');
  }
  throw AppError.forbidden('Only the parties and operators may choose the broker.');
}

async function assertBrokerUser(userId: string, deal: DealView): Promise<void> {
  const broker = await userReads.findById(userId).lean();
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

interface BrokerOutcome {
  seated: boolean;
  replaced?: string;
}

/**
 * An operator assigns the broker at once. A party names one: the broker is proposed, and takes
 * their seat (with both parties' consent) once the other party names the same broker; until then
 * the deal keeps the broker it had, and the one proposed has no access to it.
 */
export async function assignBroker(user: SessionUser, dealId: string, brokerUserId: string, bus: EventBus) {
  const { deal, role } = await loadDealForUser(user, dealId);
  assertMayManageBroker(deal, role);
  await assertBrokerUser(brokerUserId, deal);
  const party = role === 'seller' || role === 'buyer' ? role : null;
  if (deal.brokerUserId === brokerUserId) {
    // Naming the broker already there is the other party's consent to it.
    return party ? consentToBroker(user, dealId, brokerUserId) : deal;
  }
  const at = new Date();
  const entry = (event: string, data: Record<string, unknown>) => ({
    at,
    actorId: user.id,
    actorRole: role,
    event,
    data: { brokerUserId, ...data },
  });
  const { doc: updated, result: outcome } = await dealStore.mutate<BrokerOutcome>(dealId, (current) => {
    const plan = planBrokerAssignment(brokerSeatState(current), brokerUserId, party);
    if (!plan.ok) throw AppError.conflict(plan.message);
    const { replaced } = plan;
    if (plan.outcome === 'unchanged') return { result: { seated: false, replaced } };
    if (plan.outcome === 'proposed') {
      return {
        change: {
          $set: { brokerProposal: { userId: brokerUserId, orgId: plan.orgId, role: party, at } },
          $push: { timeline: entry('broker_proposed', {}) },
        },
        result: { seated: false, replaced },
      };
    }
    return {
      change: {
        $set: { brokerUserId, brokerConsents: plan.consents },
        $unset: { brokerProposal: 1 },
        $push: {
          timeline: entry('broker_assigned', {
            ...(replaced ? { replaced } : {}),
            ...(plan.agreedWith ? { agreedWith: plan.agreedWith } : {}),
          }),
        },
      },
      result: { seated: true, replaced },
    };
  });
  if (outcome.seated) {
    if (outcome.replaced) publishDealEvent(bus, dealId, 'broker:removed', { brokerUserId: outcome.replaced });
    publishDealEvent(bus, dealId, 'broker:assigned', { brokerUserId });
  } else if (party) {
    publishDealEvent(bus, dealId, 'broker:proposed', { brokerUserId, role: party });
  }
  await recordAudit({
    actorId: user.id,
    action: outcome.seated ? 'deal.broker.assign' : 'deal.broker.propose',
    targetType: 'deal',
    targetId: dealId,
    data: { brokerUserId },
  });
  return dealView(updated);
}

export async function removeBroker(user: SessionUser, dealId: string, bus: EventBus) {
  const { deal, role } = await loadDealForUser(user, dealId);
  if (role !== 'seller' && role !== 'buyer' && role !== 'admin') {
    throw AppError.forbidden('Only the parties and operators may remove the broker.');
  }
  const brokerUserId = deal.brokerUserId;
  if (!brokerUserId && deal.brokerProposal) return withdrawBrokerProposal(user, dealId, role);
  if (!brokerUserId) throw AppError.conflict('This deal has no broker.');
  const entry = {
    at: new Date(),
    actorId: user.id,
    actorRole: role,
    event: 'broker_removed',
    data: { brokerUserId },
  };
  const { doc: updated } = await dealStore.mutate(dealId, (current) => {
    if (String(current.brokerUserId ?? '') !== brokerUserId) {
      throw AppError.conflict('The broker changed meanwhile; reload the deal.');
    }
    return {
      change: {
        $unset: { brokerUserId: 1, brokerProposal: 1 },
        $set: { brokerConsents: [] },
        $push: { timeline: entry },
      },
      result: null,
    };
  });
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

/** Takes back the broker a party proposed and the other has not agreed to (either party or an operator). */
async function withdrawBrokerProposal(user: SessionUser, dealId: string, role: DealRole) {
  const { doc } = await dealStore.mutate(dealId, (current) => {
    const proposed = current.brokerProposal?.userId;
    if (!proposed || current.brokerUserId)
      throw AppError.conflict('The broker changed meanwhile; reload the deal.');
    const entry = {
      at: new Date(),
      actorId: user.id,
      actorRole: role,
      event: 'broker_proposal_withdrawn',
      data: { brokerUserId: String(proposed) },
    };
    return { change: { $unset: { brokerProposal: 1 }, $push: { timeline: entry } }, result: null };
  });
  return dealView(doc);
}

/** Users with the broker role a party or an operator may choose from (never a member of either party). */
export async function listBrokerCandidates(user: SessionUser, dealId: string) {
  const { deal, role } = await loadDealForUser(user, dealId);
  assertMayManageBroker(deal, role);
  const brokers = await userReads
    .find({ role: 'broker' }, { name: 1, organizationId: 1 })
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

/** The stored deal as the broker rules read it (ids as strings). */
function brokerSeatState(deal: DealDoc): BrokerSeatState {
  const proposal = deal.brokerProposal;
  return {
    status: deal.status,
    timeline: deal.timeline ?? [],
    brokerUserId: deal.brokerUserId ? String(deal.brokerUserId) : undefined,
    brokerProposal: proposal?.userId
      ? {
          userId: String(proposal.userId),
          orgId: String(proposal.orgId),
          role: proposal.role as 'seller' | 'buyer',
        }
      : undefined,
    sellerOrgId: String(deal.sellerOrgId),
    buyerOrgId: String(deal.buyerOrgId),
  };
}

function partyOrgOf(deal: { sellerOrgId: unknown; buyerOrgId: unknown }, role: 'seller' | 'buyer'): string {
  return String(role === 'seller' ? deal.sellerOrgId : deal.buyerOrgId);
}

/** A party agrees to the deal's current broker (the one named, so a replaced broker gets no consent). */
export async function consentToBroker(user: SessionUser, dealId: string, brokerUserId: string) {
  const { deal, role } = await loadDealForUser(user, dealId);
  if (role !== 'seller' && role !== 'buyer')
    throw AppError.forbidden('Only the parties consent to a broker.');
  if (!deal.brokerUserId) throw AppError.conflict('This deal has no broker.');
  const orgId = partyOrgOf(deal, role);
  const { doc, written } = await dealStore.mutate(dealId, (current) => {
    if (DEAL_TERMINAL_STATES.includes(current.status)) throw AppError.conflict('This deal has ended.');
    if (String(current.brokerUserId ?? '') !== brokerUserId)
      throw AppError.conflict('The broker changed meanwhile; reload the deal.');
    if ((current.brokerConsents ?? []).some((o) => String(o) === orgId)) return { result: null };
    const entry = {
      at: new Date(),
      actorId: user.id,
      actorRole: role,
      event: 'broker_consented',
      data: { brokerUserId },
    };
    return { change: { $push: { brokerConsents: orgId, timeline: entry } }, result: null };
  });
  if (written)
    await recordAudit({
      actorId: user.id,
      action: 'deal.broker.consent',
      targetType: 'deal',
      targetId: dealId,
      data: { brokerUserId },
    });
  return dealView(doc);
}
