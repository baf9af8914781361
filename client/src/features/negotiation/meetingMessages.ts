/** An online meeting room's messages in the shape the room's list shows (everything said to everyone). */
import type { ChatMessage, MeetingChatMessage } from '@contract/socket-events';

export function toChatMessage(m: MeetingChatMessage): ChatMessage {
  return {
    id: m.id,
    dealId: m.meetingId,
    seq: m.seq,
    authorId: m.authorId,
    authorName: m.authorName,
    authorRole: m.authorRole,
    kind: 'text',
    body: m.body,
    audience: 'all',
    clientId: m.clientId,
    createdAt: m.createdAt,
  };
}
