import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/TextField';
import { requestMeeting } from './eventsApi';
import type { Exhibitor } from './eventTypes';

/** Asks an exhibitor for a one-to-one meeting, about one of its listings or in general. */
export function MeetingRequestForm({
  eventId,
  exhibitor,
  onDone,
}: {
  eventId: string;
  exhibitor: Exhibitor;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const orgId = exhibitor.organization.id;
  const [message, setMessage] = useState('');
  const [listingId, setListingId] = useState(exhibitor.listings[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await requestMeeting(eventId, {
        withOrganizationId: orgId,
        message: message.trim(),
        ...(listingId ? { listingId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.eventAgenda(eventId) });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="meeting-request" onSubmit={submit} data-testid={`meeting-form-${orgId}`}>
      <div className="form-field">
        <label htmlFor={`meeting-listing-${orgId}`}>{t('events.meeting.about')}</label>
        <select
          id={`meeting-listing-${orgId}`}
          value={listingId}
          onChange={(e) => setListingId(e.target.value)}
          data-testid="meeting-listing"
        >
          <option value="">{t('events.meeting.general')}</option>
          {exhibitor.listings.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`meeting-message-${orgId}`}
        name="message"
        label={t('events.meeting.message')}
        value={message}
        onChange={setMessage}
        maxLength={2000}
        multiline
        rows={3}
        required
      />
      <ErrorAlert error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || !message.trim()}
          data-testid="meeting-submit"
        >
          {t('events.meeting.send')}
        </button>
      </div>
    </form>
  );
}
