import type { ChatMessage } from '../api-contract/socket-events';
import { roomsForAudience } from './rooms';
import type { DealsNamespace } from './socket-types';
import { chatMessages } from '../metrics';

/** Announces a stored message to those who may see it: the whole room, or one side and the staff. */
export function announceMessage(nsp: DealsNamespace, message: ChatMessage): void {
  chatMessages.inc();
  nsp.to(roomsForAudience(message.dealId, message.audience)).emit('message:new', { message });
}
