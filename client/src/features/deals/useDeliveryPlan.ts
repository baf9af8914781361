import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { deliveryStarted } from './dealProgress';
import { getMilestones } from './dealsApi';
import type { Deal } from './dealTypes';

/**
 * The deal's delivery plan, once delivery has started (the stepper and the milestones panel
 * share it). It sits under the deal's key, so whatever refreshes the deal refreshes it too.
 */
export function useDeliveryPlan(deal: Deal) {
  return useQuery({
    queryKey: queryKeys.dealMilestones(deal.id),
    queryFn: ({ signal }) => getMilestones(deal.id, signal),
    enabled: deliveryStarted(deal),
  });
}
