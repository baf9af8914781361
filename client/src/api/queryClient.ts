/**
 * The client's cache of server data (TanStack Query). Queries behave as the hand-written loaders
 * did: one attempt (an error shows at once), no refetch on window focus; a page shown again shows
 * its cached data while it asks the server again.
 */
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Query keys: a prefix invalidates everything below it (`['deals']` every deal query). */
export const queryKeys = {
  deals: ['deals'] as const,
  dealLists: ['deals', 'list'] as const,
  dealList: (status: string) => ['deals', 'list', status] as const,
  deal: (id: string) => ['deals', 'detail', id] as const,
  dealDocuments: (id: string) => ['deals', 'detail', id, 'documents'] as const,
  dealFees: (id: string) => ['deals', 'detail', id, 'fees'] as const,
  dealLedger: (id: string) => ['deals', 'detail', id, 'ledger'] as const,
  dealMilestones: (id: string) => ['deals', 'detail', id, 'milestones'] as const,
  overdueMilestones: (page: number) => ['deals', 'overdue-milestones', page] as const,
  allAdminPayments: ['admin', 'payments'] as const,
  adminPayments: (status: string) => ['admin', 'payments', status] as const,
  paymentProviders: ['payments', 'providers'] as const,
  listingDocuments: (kind: string, id: string) => ['listings', kind, id, 'documents'] as const,
  matches: (kind: string, id: string, locale: string) => ['listings', kind, id, 'matches', locale] as const,
  brokerCandidates: (id: string) => ['deals', 'detail', id, 'broker-candidates'] as const,
  myBids: ['bids', 'mine'] as const,
  priceGuidance: (field: string, currency: string, trl?: number, mode?: string) =>
    ['price-guidance', field, currency, trl ?? 'any', mode ?? 'any'] as const,
  listingBids: (kind: string, id: string) => ['bids', kind, id] as const,
  listings: ['listings'] as const,
  listing: (kind: string, id: string) => ['listings', kind, id] as const,
  myListings: (status: string | undefined) => ['listings', 'mine', status ?? 'all'] as const,
  notifications: ['notifications'] as const,
  alerts: ['alerts'] as const,
  reviewQueue: ['admin', 'review-queue'] as const,
  allOrganizations: ['admin', 'organizations'] as const,
  organizations: (verified: string) => ['admin', 'organizations', verified] as const,
  organizationReview: (id: string) => ['admin', 'organization-review', id] as const,
  brokerSummary: ['broker', 'summary'] as const,
  adminStats: (from: string, to: string, groupBy: string) => ['admin', 'stats', from, to, groupBy] as const,
  adminOutcomes: (from: string, to: string) => ['admin', 'outcomes', from, to] as const,
  publicStats: (from: string, to: string) => ['public-stats', from, to] as const,
  organization: (id: string) => ['organizations', id] as const,
  organizationListings: (id: string) => ['organizations', id, 'listings'] as const,
  organizationEvidence: (id: string) => ['organizations', id, 'evidence'] as const,
  unreadNotifications: ['notifications', 'unread'] as const,
  notificationPage: (query: object) => ['notifications', 'page', query] as const,
  events: ['events'] as const,
  event: (id: string) => ['events', id] as const,
  eventRegistration: (id: string) => ['events', id, 'registration'] as const,
  eventCatalogue: (id: string, q: string) => ['events', id, 'catalogue', q] as const,
  eventAgenda: (id: string) => ['events', id, 'agenda'] as const,
  eventRegistrations: (id: string) => ['events', id, 'registrations'] as const,
  eventReport: (id: string) => ['events', id, 'report'] as const,
  eventProgramme: (id: string) => ['events', id, 'programme'] as const,
  eventSuggestions: (id: string, lang: string) => ['events', id, 'suggestions', lang] as const,
  publishedListingsMine: ['listings', 'mine', 'published-both'] as const,
};
