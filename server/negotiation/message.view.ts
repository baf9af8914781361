import type {
  ChatMessage,
  MessageAudience,
  MessageAuthorRole,
  MessageKind,
} from '../api-contract/socket-events';
import type { MessageDoc } from './message.model';

/** A message as clients see it: ids as strings, time as an ISO string. */
export function messageView(doc: MessageDoc): ChatMessage {
  return {
    id: String(doc._id),
    dealId: String(doc.dealId),
    seq: doc.seq,
    authorId: doc.authorId ? String(doc.authorId) : null,
    authorName: doc.authorName ?? null,
    authorRole: doc.authorRole as MessageAuthorRole,
    kind: doc.kind as MessageKind,
    body: doc.body,
    audience: (doc.audience ?? 'all') as MessageAudience,
    clientId: doc.authorId ? doc.clientId : null,
    ...(doc.event?.name
      ? { event: { name: doc.event.name, data: (doc.event.data ?? {}) as Record<string, unknown> } }
      : {}),
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}
