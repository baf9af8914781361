/** The deal, term-sheet, NDA and document endpoints. */
import type { ListingKind } from '@contract/enums';
import { api, upload } from '../../api';
import type { Outcome } from '../../ui/OutcomeForm';
import type { PaymentProvider, StartedPayment } from '../payments';
import type {
  BrokerCandidate,
  Deal,
  DealDocument,
  DealDocuments,
  DealStatus,
  DeliveryPlan,
  MilestoneChange,
  MilestoneResolution,
  MilestoneTransfer,
  NewTermSheet,
  OverdueMilestones,
  TermSheet,
} from './dealTypes';

const dealPath = (id: string, rest = '') => `/api/deals/${encodeURIComponent(id)}${rest}`;

export async function listDeals(query: { status?: DealStatus; page?: number }, signal?: AbortSignal) {
  return api<{ deals: Deal[]; total: number; page: number; limit: number }>('/api/deals', {
    query: { status: query.status, page: query.page, limit: 50 },
    signal,
  });
}

export async function getDeal(id: string, signal?: AbortSignal): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id), { signal })).deal;
}

export async function openDeal(kind: ListingKind, listingId: string): Promise<Deal> {
  const body = kind === 'offer' ? { offerId: listingId } : { demandId: listingId };
  return (await api<{ deal: Deal }>('/api/deals', { method: 'POST', body })).deal;
}

export async function proposeTerms(id: string, terms: NewTermSheet): Promise<TermSheet> {
  return (await api<{ termSheet: TermSheet }>(dealPath(id, '/terms'), { method: 'POST', body: terms }))
    .termSheet;
}

export async function acceptTerms(id: string, version: number): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, `/terms/${version}/accept`), { method: 'POST' })).deal;
}

export async function cancelDeal(id: string, outcome: Outcome): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/cancel'), { method: 'POST', body: { ...outcome } })).deal;
}

export async function walkAway(id: string, outcome: Outcome): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/walk-away'), { method: 'POST', body: { ...outcome } }))
    .deal;
}

export async function brokerCandidates(id: string, signal?: AbortSignal): Promise<BrokerCandidate[]> {
  return (await api<{ brokers: BrokerCandidate[] }>(dealPath(id, '/broker-candidates'), { signal })).brokers;
}

export async function assignBroker(id: string, userId: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/broker'), { method: 'POST', body: { userId } })).deal;
}

export async function removeBroker(id: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/broker'), { method: 'DELETE' })).deal;
}

export async function acceptNda(id: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/nda/accept'), { method: 'POST' })).deal;
}

/** The counterparty asks for the confidential documents; the owner approves or refuses. */
export async function documentAccess(id: string, action: 'request' | 'approve' | 'refuse'): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, `/documents/${action}`), { method: 'POST' })).deal;
}

/** A party agrees to the deal's broker. */
export async function consentToBroker(id: string, userId: string): Promise<Deal> {
  return (await api<{ deal: Deal }>(dealPath(id, '/broker/consent'), { method: 'POST', body: { userId } }))
    .deal;
}

export function getDealDocuments(id: string, signal?: AbortSignal): Promise<DealDocuments> {
  return api<DealDocuments>(dealPath(id, '/documents'), { signal });
}

export function contractHref(id: string, lang: 'vi' | 'en'): string {
  return `${dealPath(id, '/contract')}?lang=${lang}`;
}

export async function listingDocuments(
  kind: ListingKind,
  id: string,
  signal?: AbortSignal,
): Promise<DealDocument[]> {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  return (await api<{ documents: DealDocument[] }>(`${base}/${encodeURIComponent(id)}/documents`, { signal }))
    .documents;
}

export async function uploadListingDocument(
  kind: ListingKind,
  id: string,
  file: File,
  confidential: boolean,
): Promise<DealDocument> {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  const form = new FormData();
  form.append('confidential', String(confidential));
  form.append('file', file);
  return (await upload<{ document: DealDocument }>(`${base}/${encodeURIComponent(id)}/documents`, form))
    .document;
}

export async function deleteListingDocument(
  kind: ListingKind,
  id: string,
  documentId: string,
): Promise<void> {
  const base = kind === 'offer' ? '/api/offers' : '/api/demands';
  await api<void>(`${base}/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`, {
    method: 'DELETE',
  });
}

/** The deal's delivery plan: its milestones with their state (empty until delivery starts). */
export function getMilestones(id: string, signal?: AbortSignal): Promise<DeliveryPlan> {
  return api<DeliveryPlan>(dealPath(id, '/milestones'), { signal });
}

const milestonePath = (id: string, n: number, action: string) => dealPath(id, `/milestones/${n}/${action}`);

/** The seller delivers milestone `n` with a note and, optionally, the listing's confidential documents. */
export function deliverMilestone(
  id: string,
  n: number,
  body: { note: string; documentIds?: string[] },
): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'deliver'), { method: 'POST', body });
}

/** The buyer accepts a delivered milestone: its payment to the seller and its share of the fee fall due. */
export function acceptMilestone(id: string, n: number): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'accept'), { method: 'POST' });
}

/** The buyer sends a delivered milestone back, saying what to change. */
export function requestMilestoneChanges(id: string, n: number, note: string): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'request-changes'), { method: 'POST', body: { note } });
}

/** Either party disputes a delivered (or sent back) milestone. */
export function disputeMilestone(id: string, n: number, reason: string): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'dispute'), { method: 'POST', body: { reason } });
}

/** The deal's broker or an operator ends a dispute. */
export function resolveMilestone(id: string, n: number, body: MilestoneResolution): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'resolve'), { method: 'POST', body });
}

/**
 * The buyer records paying the seller for an accepted milestone (paid directly between them), with
 * the transfer's reference; it may be recorded again, corrected, until the seller confirms it.
 */
export function recordMilestoneTransfer(
  id: string,
  n: number,
  body: MilestoneTransfer,
): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'transfer'), { method: 'POST', body });
}

/** The seller confirms receiving the buyer's payment for a milestone (the last step may complete the deal). */
export function confirmMilestoneTransfer(id: string, n: number): Promise<MilestoneChange> {
  return api<MilestoneChange>(milestonePath(id, n, 'transfer/confirm'), { method: 'POST' });
}

/** A party starts (or resumes) paying its share of the exchange's fee on an accepted milestone. */
export function payMilestoneFee(id: string, n: number, provider: PaymentProvider): Promise<StartedPayment> {
  return api<StartedPayment>(dealPath(id, '/payments'), { method: 'POST', body: { provider, milestone: n } });
}

/** The operators' list of milestones past their due date across deals, the most overdue first. */
export function listOverdueMilestones(page: number, signal?: AbortSignal): Promise<OverdueMilestones> {
  return api<OverdueMilestones>('/api/admin/milestones/overdue', { query: { page }, signal });
}
