import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { subscribeDealLiveEvents } from '../features/negotiation/dealLiveEvents';
import { createQueryClient, queryKeys } from './queryClient';

/**
 * The query cache for the whole app. Deal changes heard live (term sheets, status) mark that
 * deal's queries and the deal lists stale, so whatever shows them asks the server again.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  useEffect(() => invalidateOnDealEvents(client), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function invalidateOnDealEvents(client: QueryClient): () => void {
  return subscribeDealLiveEvents((event) => {
    void client.invalidateQueries({ queryKey: queryKeys.deal(event.dealId) });
    void client.invalidateQueries({ queryKey: queryKeys.dealLists });
  });
}
