/** Deals as the client shows them: with the parties' and the broker's names and the viewer's role. */
import type { SessionUser } from '../common/session-user';
import { named, organizationNames, userNames } from './names';
import { roleOfUser } from './deal.service';
import type { DealView } from './deal.view';

export async function describeDeals(views: DealView[], user: SessionUser) {
  const [orgs, users] = await Promise.all([
    organizationNames(views.flatMap((d) => [d.sellerOrgId, d.buyerOrgId])),
    userNames(views.flatMap((d) => [d.brokerUserId, d.brokerProposal?.userId])),
  ]);
  return views.map((d) => ({
    ...d,
    seller: named(orgs, d.sellerOrgId)!,
    buyer: named(orgs, d.buyerOrgId)!,
    broker: named(users, d.brokerUserId),
    ...(d.brokerProposal
      ? { brokerProposal: { ...d.brokerProposal, name: named(users, d.brokerProposal.userId)?.name ?? '' } }
      : {}),
    myRole: roleOfUser(d, user),
  }));
}

export async function describeDeal(view: DealView, user: SessionUser) {
  const [described] = await describeDeals([view], user);
  return described;
}
