import { api } from '../../api';
import type { ChatMessage, MeetingChatMessage } from '@contract/socket-events';

export interface MessagePage {
  messages: ChatMessage[];
  hasMore: boolean;
}

/** `GET /api/deals/:id/messages`: a page newest last, older than `before` or newer than `after`. */
export function fetchMessages(dealId: string, page: { before?: number; after?: number; limit?: number }) {
  return api<MessagePage>(`/api/deals/${encodeURIComponent(dealId)}/messages`, { query: page });
}

/** `GET /api/messages/unread`: unread messages per deal (the user's own deals without `dealIds`). */
export async function fetchUnreadCounts(
  dealIds?: string[],
  signal?: AbortSignal,
): Promise<Record<string, number>> {
  const query = dealIds && dealIds.length > 0 ? { dealIds: dealIds.join(',') } : undefined;
  const body = await api<{ unread: Record<string, number> }>('/api/messages/unread', { query, signal });
  return body.unread;
}

export interface MeetingMessagePage {
  messages: MeetingChatMessage[];
  hasMore: boolean;
}

/** `GET /api/meetings/:id/messages`: a page of an online meeting room's messages, newest last. */
export function fetchMeetingMessages(
  meetingId: string,
  page: { before?: number; after?: number; limit?: number },
) {
  return api<MeetingMessagePage>(`/api/meetings/${encodeURIComponent(meetingId)}/messages`, { query: page });
}
