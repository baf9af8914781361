import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EventCancelledNotice } from './EventCancelledNotice';
import { ReasonForm } from '../../ui/ReasonForm';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { EventForm } from './EventForm';
import { cancelEvent } from './eventsApi';
import type { FairEvent } from './eventTypes';

/** An operator edits the event or cancels it with a reason (registrations and open meetings end with it). */
export function EventAdminActions({ event }: { event: FairEvent }) {
  const { t } = useTranslation();
  const { busy, error, run } = useRefreshingAction(queryKeys.events);
  const [mode, setMode] = useState<'none' | 'edit' | 'cancel'>('none');
  if (event.status === 'cancelled') {
    return <EventCancelledNotice event={event} />;
  }
  if (event.phase === 'ended') return null;
  return (
    <div className="event-admin-actions">
      {mode === 'none' && (
        <div className="page-links">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => setMode('edit')}
            data-testid="event-edit"
          >
            {t('events.admin.edit')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline btn-small"
            onClick={() => setMode('cancel')}
            data-testid="event-cancel"
          >
            {t('events.admin.cancel')}
          </button>
        </div>
      )}
      {mode === 'edit' && <EventForm event={event} onSaved={() => setMode('none')} />}
      {mode === 'edit' && (
        <button
          type="button"
          className="btn btn-link"
          onClick={() => setMode('none')}
          data-testid="event-edit-close"
        >
          {t('events.admin.closeEdit')}
        </button>
      )}
      {mode === 'cancel' && (
        <ReasonForm
          action="cancel-event"
          targetId={event.id}
          label={t('events.admin.cancelReason')}
          confirmLabel={t('events.admin.cancel')}
          busy={busy}
          onSubmit={(reason) => void run(() => cancelEvent(event.id, reason)).then(() => setMode('none'))}
          onCancel={() => setMode('none')}
        />
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
