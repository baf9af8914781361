import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { openDealFromMeeting } from './eventsApi';
import type { Meeting } from './eventTypes';

/** Opens a negotiation on the meeting's listing, the meeting as its source, then shows the deal. */
export function MeetingDealButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const listing = meeting.listing;
  if (!listing) return null;
  async function open() {
    if (!listing) return;
    setBusy(true);
    setError(null);
    try {
      navigate(`/deals/${(await openDealFromMeeting(listing.kind, listing.id, meeting.id)).id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={busy}
        onClick={() => void open()}
        data-testid="meeting-open-deal"
      >
        {t('events.meeting.openDeal')}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
