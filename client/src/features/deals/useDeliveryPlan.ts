import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { deliveryStarted } from './dealProgress';
import { getMilestones } from './dealsApi';
import type { Deal, DeliveryPlan } from './dealTypes';

const POLL_MS = 4000;

/** A fee on a milestone is being paid: an operator's confirmation (or a card payment) lands on the server alone. */
const feePending = (plan: DeliveryPlan | undefined) =>
  !!plan?.milestones.some((m) => m.fees.some((f) => f.status === 'pending'));

/**
 * The deal's delivery plan, once delivery has started (the stepper and the milestones panel
 * share it). It sits under the deal's key, so whatever refreshes the deal refreshes it too; it is
 * read again every few seconds while a milestone's fee payment is pending, as the fees panel is.
 */
export function useDeliveryPlan(deal: Deal) {
  return useQuery({
    queryKey: queryKeys.dealMilestones(deal.id),
    queryFn: ({ signal }) => getMilestones(deal.id, signal),
    enabled: deliveryStarted(deal),
    refetchInterval: (query) =>
      deal.status === 'delivering' && feePending(query.state.data) ? POLL_MS : false,
  });
}
