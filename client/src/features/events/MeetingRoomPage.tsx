import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MeetingChatPanel } from '../negotiation';
import { meetingRoom } from './eventsApi';
import './events.css';

/**
 * `/events/:eventId/meetings/:meetingId/room`: an accepted online meeting's room, for its two
 * organizations' members and operators: the meeting's facts, who of each side is present, and the chat.
 */
export function MeetingRoomPage() {
  const { eventId = '', meetingId = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLabels();
  const query = useQuery({
    queryKey: ['events', eventId, 'meetings', meetingId, 'room'],
    queryFn: ({ signal }) => meetingRoom(meetingId, signal),
    retry: false,
  });
  useDocumentTitle(t('events.room.title'));
  const room = query.data;
  if (!room) {
    return (
      <section>
        <h1>{t('events.room.title')}</h1>
        <QueryStatus query={query} />
        <p>
          <Link to={`/events/${eventId}`}>{t('events.room.back')}</Link>
        </p>
      </section>
    );
  }
  const { meeting, event } = room;
  const title = (locale === 'en' && event.titleEn) || event.title;
  return (
    <section className="meeting-room-page" data-testid="meeting-room-page">
      <h1>{t('events.room.title')}</h1>
      <div className="meeting-room-layout">
        <div className="card meeting-room-facts" data-testid="meeting-room-facts">
          <p>
            <Link to={`/events/${event.id}`}>{title}</Link>
          </p>
          <p data-testid="meeting-room-sides">
            {t('events.room.between', { requester: meeting.requester.name, invitee: meeting.invitee.name })}
          </p>
          {meeting.startsAt && (
            <p className="meeting-time" data-testid="meeting-time">
              {formatDateTime(meeting.startsAt, locale)} – {formatDateTime(meeting.endsAt, locale)}
            </p>
          )}
          {meeting.listing && (
            <p>
              {t('events.meeting.about')}: {meeting.listing.title}
            </p>
          )}
          {meeting.message && <p className="muted">“{meeting.message}”</p>}
        </div>
        <MeetingChatPanel
          meetingId={meeting.id}
          sides={{ requester: meeting.requester.name, invitee: meeting.invitee.name }}
        />
      </div>
    </section>
  );
}
