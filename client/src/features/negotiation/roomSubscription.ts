/**
 * Wires the shared socket's events for one deal room into the room's state: joins on every
 * (re)connection — from the last seq held, then over REST when more was missed — and follows
 * messages, typing, presence, read receipts and lost access. Deal changes go to dealLiveEvents.
 */
import type {
  ChatMessage,
  DealStatusEvent,
  PresenceEvent,
  TermsAcceptedEvent,
  TermsProposedEvent,
} from '@contract/socket-events';
import { followConnection } from './connectionWiring';
import { publishDealLiveEvent } from './dealLiveEvents';
import { lastSeq } from './messageTimeline';
import { fetchMessages } from './negotiationApi';
import type { RoomAction } from './roomState';
import type { RoomSocket } from './roomSocket';

const TYPING_SHOWN_MS = 4000;

export interface RoomWiring {
  dealId: string;
  me?: string;
  dispatch(action: RoomAction): void;
  /** The newest seq held now, to catch up from after a reconnection. */
  latestSeq(): number | undefined;
  /** Called after each successful join (to resend unconfirmed messages). */
  onJoined(): void;
}

export function subscribeToRoom(socket: RoomSocket, wiring: RoomWiring): () => void {
  const { dealId, me, dispatch } = wiring;
  let active = true;
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const catchUpOverRest = async (after: number) => {
    for (let from = after; active;) {
      const page = await fetchMessages(dealId, { after: from, limit: 100 });
      if (!active) return;
      dispatch({ type: 'received', messages: page.messages, me });
      const last = lastSeq(page.messages);
      if (!page.hasMore || last === undefined) return;
      from = last;
    }
  };

  const join = () => {
    const after = wiring.latestSeq();
    socket.emit('deal:join', after === undefined ? { dealId } : { dealId, afterSeq: after }, (res) => {
      if (!active) return;
      if (!res.ok) return dispatch({ type: 'refused', code: res.error.code });
      dispatch({ type: 'joined', join: res, catchUp: after !== undefined, me });
      if (after !== undefined && res.hasMore) {
        void catchUpOverRest(lastSeq(res.messages) ?? after).catch(() => undefined);
      }
      wiring.onJoined();
    });
  };

  const onMessage = ({ message }: { message: ChatMessage }) => {
    if (message.dealId !== dealId) return;
    dispatch({ type: 'received', messages: [message], me });
    // Milestones have no socket event of their own: the room's system message records each move.
    const event = message.kind === 'system' ? message.event : undefined;
    if (event?.name === 'milestone:changed') {
      publishDealLiveEvent({
        type: 'milestone:changed',
        dealId,
        n: Number(event.data.n),
        status: String(event.data.status),
        action: String(event.data.action),
      });
    }
  };
  const onTyping = (e: { dealId: string; userId: string; name?: string }) => {
    if (e.dealId !== dealId || e.userId === me) return;
    dispatch({ type: 'typing', person: { userId: e.userId, name: e.name ?? '' } });
    clearTimeout(typingTimers.get(e.userId));
    typingTimers.set(
      e.userId,
      setTimeout(() => dispatch({ type: 'typingEnded', userId: e.userId }), TYPING_SHOWN_MS),
    );
  };
  const onPresence = (e: PresenceEvent) => {
    if (e.dealId === dealId) dispatch({ type: 'presence', online: e.online, names: e.names });
  };
  const onRead = (e: { dealId: string; userId: string; seq: number }) => {
    if (e.dealId === dealId) dispatch({ type: 'read', userId: e.userId, seq: e.seq });
  };
  const onLeft = (e: { dealId: string }) => {
    if (e.dealId === dealId) dispatch({ type: 'refused', code: 'access_lost' });
  };
  const onTermsProposed = (e: TermsProposedEvent) => {
    if (e.dealId === dealId) publishDealLiveEvent({ type: 'terms:proposed', ...e });
  };
  const onTermsAccepted = (e: TermsAcceptedEvent) => {
    if (e.dealId === dealId) publishDealLiveEvent({ type: 'terms:accepted', ...e });
  };
  const onStatus = (e: DealStatusEvent) => {
    if (e.dealId === dealId) publishDealLiveEvent({ type: 'deal:status', ...e });
  };

  socket.on('connect', join);
  const unfollow = followConnection(socket, dispatch);
  socket.on('message:new', onMessage);
  socket.on('typing', onTyping);
  socket.on('presence', onPresence);
  socket.on('read', onRead);
  socket.on('deal:left', onLeft);
  socket.on('terms:proposed', onTermsProposed);
  socket.on('terms:accepted', onTermsAccepted);
  socket.on('deal:status', onStatus);
  if (socket.connected) join();

  return () => {
    active = false;
    for (const timer of typingTimers.values()) clearTimeout(timer);
    socket.off('connect', join);
    unfollow();
    socket.off('message:new', onMessage);
    socket.off('typing', onTyping);
    socket.off('presence', onPresence);
    socket.off('read', onRead);
    socket.off('deal:left', onLeft);
    socket.off('terms:proposed', onTermsProposed);
    socket.off('terms:accepted', onTermsAccepted);
    socket.off('deal:status', onStatus);
    if (socket.connected) socket.emit('deal:leave', { dealId });
  };
}
