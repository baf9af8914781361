import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { MeetingDealButton } from './MeetingDealButton';
import { OutcomeControl } from './OutcomeControl';
import { RoomLink } from './RoomLink';
import { answerMeeting, recordOutcome } from './eventsApi';
import type { Meeting } from './eventTypes';

/** One meeting of the agenda, with what the user's organization may do about it now. */
export function MeetingItem({
  meeting,
  myOrgId,
  myListingIds,
}: {
  meeting: Meeting;
  myOrgId: string;
  myListingIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const { busy, error, run } = useRefreshingAction(queryKeys.eventAgenda(meeting.eventId));
  const other = meeting.myRole === 'requester' ? meeting.invitee : meeting.requester;
  const started = !!meeting.startsAt && Date.parse(meeting.startsAt) <= Date.now();
  const act = (action: 'accept' | 'decline' | 'cancel') => void run(() => answerMeeting(meeting.id, action));
  const canOpenDeal =
    meeting.status === 'accepted' && !!meeting.listing && !myListingIds.has(meeting.listing.id);
  return (
    <li className="card meeting" data-testid={`meeting-${meeting.id}`} data-status={meeting.status}>
      <h4 className="item-title">{other.name}</h4>
      {meeting.listing && (
        <p data-testid="meeting-listing-title">
          {t('events.meeting.about')}: {meeting.listing.title}
        </p>
      )}
      {meeting.message && <p className="muted">“{meeting.message}”</p>}
      {meeting.startsAt && (
        <p className="meeting-time" data-testid="meeting-time">
          {formatDateTime(meeting.startsAt, locale)} – {formatDateTime(meeting.endsAt, locale)}
        </p>
      )}
      {meeting.table !== undefined && (
        <p data-testid="meeting-table">{t('events.meeting.table', { n: meeting.table })}</p>
      )}
      {meeting.roomUrl && (
        <p>
          <RoomLink url={meeting.roomUrl} testId="meeting-room" />
        </p>
      )}
      <div className="page-links">
        {meeting.status === 'requested' && meeting.myRole === 'invitee' && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy}
              onClick={() => act('accept')}
              data-testid="meeting-accept"
            >
              {t('events.meeting.accept')}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              disabled={busy}
              onClick={() => act('decline')}
              data-testid="meeting-decline"
            >
              {t('events.meeting.decline')}
            </button>
          </>
        )}
        {(meeting.status === 'requested' ? meeting.myRole === 'requester' : !started) && (
          <button
            type="button"
            className="btn btn-danger-outline btn-small"
            disabled={busy}
            onClick={() => act('cancel')}
            data-testid="meeting-cancel"
          >
            {t('events.meeting.cancel')}
          </button>
        )}
        {canOpenDeal && <MeetingDealButton meeting={meeting} />}
      </div>
      {meeting.status === 'accepted' && started && (
        <OutcomeControl
          meeting={meeting}
          myOrgId={myOrgId}
          busy={busy}
          onRecord={(outcome, note) => void run(() => recordOutcome(meeting.id, outcome, note))}
        />
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
