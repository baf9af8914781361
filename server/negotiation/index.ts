/** Negotiation rooms: a deal's (or a fair meeting's) messages, read markers and who may be in the room. */
export { catchUpMeetingMessages, listMeetingMessages, postMeetingMessage } from './meeting-messages';
export {
  meetingJoinSchema,
  meetingMessagePageResponse,
  meetingRefSchema,
  meetingSendSchema,
} from './meeting-message.schemas';
export { startMessageNotices } from './message-notices.starter';
export { registerNegotiationRoutes } from './message.routes';
export { dealRefSchema, historyQuery, joinSchema, readSchema, sendMessageSchema } from './message.schemas';
export { catchUpMessages, listMessages, postMessage, postSystemMessage } from './message.service';
export { putMessageSlot, rebuildMessageSlots } from './message-slot.store';
export { messageReads, readMarkerReads } from './message.store';
export { markRead, readMarkersOf } from './read-marker.service';
export { assertMayAddress, currentRoomRole, roomRoleFor, type RoomUser } from './room-access';
export { systemMessageFor, userIdsNamedBy } from './system-messages';
