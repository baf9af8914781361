import { api } from '../../api';
import type { ApiResponse } from '../../api/responses';

/** A broker's desk: proposals waiting for the other party, deals brokered, commission paid and due. */
export type BrokerSummary = ApiResponse<'/api/broker/summary'>;

export async function brokerSummary(signal?: AbortSignal): Promise<BrokerSummary> {
  return api<BrokerSummary>('/api/broker/summary', { signal });
}
