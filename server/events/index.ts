/** Technology fairs and brokerage events: events, registrations, the catalogue, one-to-one meetings, agendas and reports. */
export { registerEventRoutes } from './event.routes';
export { meetingSourceFor } from './meeting.service';
export { registerMeetingRoomRoutes } from './meeting-room.routes';
export { meetingRoomAccess, type RoomViewer } from './meeting-room.service';
export { registerProgrammeRoutes } from './programme.routes';
export { registerSuggestionRoutes } from './suggestion.routes';
export { meetingReminderJobHandlers, restoreMeetingRemindersOnce } from './meeting-reminder-jobs';
export { eventReads } from './event.store';
export { registrationReads } from './event-registration.store';
export { meetingReads } from './meeting.store';
