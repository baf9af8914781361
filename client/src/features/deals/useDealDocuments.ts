import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryClient';
import { getDealDocuments } from './dealsApi';
import type { Deal } from './dealTypes';

/** The deal's documents as the viewer may see them (the documents panel and a delivery's checklist share it). */
export function useDealDocuments(deal: Deal) {
  // Accepting the NDA, a decision on access or a broker's consent changes what may be opened.
  const acceptances = `${deal.ndaAcceptances.length}:${deal.documentAccess?.status ?? ''}:${(deal.brokerConsents ?? []).length}`;
  return useQuery({
    queryKey: [...queryKeys.dealDocuments(deal.id), acceptances],
    queryFn: ({ signal }) => getDealDocuments(deal.id, signal),
    placeholderData: keepPreviousData,
  });
}
