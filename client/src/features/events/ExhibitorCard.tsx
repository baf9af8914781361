import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { listingHref } from '../listings';
import { MeetingRequestForm } from './MeetingRequestForm';
import type { Exhibitor } from './eventTypes';

/** An exhibitor of the catalogue: its pitch and listings, and a meeting request when `canMeet`. */
export function ExhibitorCard({
  eventId,
  exhibitor,
  canMeet,
}: {
  eventId: string;
  exhibitor: Exhibitor;
  canMeet: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const orgId = exhibitor.organization.id;
  return (
    <li className="card exhibitor" data-testid={`exhibitor-${orgId}`}>
      <h3 className="item-title">
        <Link to={`/organizations/${orgId}`}>{exhibitor.organization.name}</Link>
      </h3>
      {exhibitor.pitch && <p>{exhibitor.pitch}</p>}
      <ul className="exhibitor-listings">
        {exhibitor.listings.map((l) => (
          <li key={l.id}>
            <span className="badge">{t(`enum.listingKind.${l.kind}`)}</span>{' '}
            <Link to={listingHref(l.kind, l.id)}>{l.title}</Link>
          </li>
        ))}
      </ul>
      {sent && (
        <p className="alert alert-success" role="status" data-testid="meeting-requested">
          {t('events.meeting.sent')}
        </p>
      )}
      {canMeet && !asking && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => setAsking(true)}
          data-testid={`request-meeting-${orgId}`}
        >
          {t('events.meeting.request')}
        </button>
      )}
      {asking && (
        <MeetingRequestForm
          eventId={eventId}
          exhibitor={exhibitor}
          onDone={() => {
            setAsking(false);
            setSent(true);
          }}
        />
      )}
    </li>
  );
}
