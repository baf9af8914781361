/**
 * Wires the shared socket's events for one online meeting room into the room's state: joins on
 * every (re)connection — from the last seq held, then over REST when more was missed — and
 * follows its messages and who of each side is present.
 */
import type { MeetingChatMessage, MeetingPresenceEvent, MeetingRoomPerson } from '@contract/socket-events';
import { followConnection } from './connectionWiring';
import { toChatMessage } from './meetingMessages';
import { lastSeq } from './messageTimeline';
import { fetchMeetingMessages } from './negotiationApi';
import type { RoomAction } from './roomState';
import type { RoomSocket } from './roomSocket';

export interface MeetingRoomWiring {
  meetingId: string;
  me?: string;
  dispatch(action: RoomAction): void;
  onPresence(present: MeetingRoomPerson[]): void;
  /** The newest seq held now, to catch up from after a reconnection. */
  latestSeq(): number | undefined;
  /** Called after each successful join (to resend unconfirmed messages). */
  onJoined(): void;
}

export function subscribeToMeetingRoom(socket: RoomSocket, wiring: MeetingRoomWiring): () => void {
  const { meetingId, me, dispatch } = wiring;
  let active = true;

  const catchUpOverRest = async (after: number) => {
    for (let from = after; active;) {
      const page = await fetchMeetingMessages(meetingId, { after: from, limit: 100 });
      if (!active) return;
      const messages = page.messages.map(toChatMessage);
      dispatch({ type: 'received', messages, me });
      const last = lastSeq(messages);
      if (!page.hasMore || last === undefined) return;
      from = last;
    }
  };

  const join = () => {
    const after = wiring.latestSeq();
    const request = after === undefined ? { meetingId } : { meetingId, afterSeq: after };
    socket.emit('meeting:join', request, (res) => {
      if (!active) return;
      if (!res.ok) return dispatch({ type: 'refused', code: res.error.code });
      const messages = res.messages.map(toChatMessage);
      const names = Object.fromEntries(res.present.map((p) => [p.userId, p.name]));
      const online = res.present.map((p) => p.userId);
      const join = { role: res.role, messages, hasMore: res.hasMore, online, names, reads: [] };
      dispatch({ type: 'joined', join, catchUp: after !== undefined, me });
      wiring.onPresence(res.present);
      if (after !== undefined && res.hasMore) {
        void catchUpOverRest(lastSeq(messages) ?? after).catch(() => undefined);
      }
      wiring.onJoined();
    });
  };

  const onMessage = ({ message }: { message: MeetingChatMessage }) => {
    if (message.meetingId === meetingId)
      dispatch({ type: 'received', messages: [toChatMessage(message)], me });
  };
  const onPresence = (e: MeetingPresenceEvent) => {
    if (e.meetingId === meetingId) wiring.onPresence(e.present);
  };

  socket.on('connect', join);
  const unfollow = followConnection(socket, dispatch);
  socket.on('meeting:message', onMessage);
  socket.on('meeting:presence', onPresence);
  if (socket.connected) join();

  return () => {
    active = false;
    socket.off('connect', join);
    unfollow();
    socket.off('meeting:message', onMessage);
    socket.off('meeting:presence', onPresence);
    if (socket.connected) socket.emit('meeting:leave', { meetingId });
  };
}
