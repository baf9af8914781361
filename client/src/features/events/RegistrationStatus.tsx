import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { AvailabilityForm } from './AvailabilityForm';
import type { FairEvent, Registration } from './eventTypes';

/** The organization's registration: its role, the operator's decision, and when it is free (changeable while it takes part). */
export function RegistrationStatus({
  event,
  registration,
}: {
  event: FairEvent;
  registration: Registration;
}) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const [editing, setEditing] = useState(false);
  const live = registration.status === 'pending' || registration.status === 'approved';
  const changeable = live && event.status === 'active' && event.phase !== 'ended';
  return (
    <div className="card registration-status">
      <h2>{t('events.register.yours')}</h2>
      <p>
        {t(`events.role.${registration.role}`)} ·{' '}
        <span
          className={`badge badge-registration-${registration.status}`}
          data-testid="registration-status"
          data-status={registration.status}
        >
          {t(`events.registrationStatus.${registration.status}`)}
        </span>
      </p>
      {registration.status === 'pending' && <p className="muted">{t('events.register.pendingHint')}</p>}
      {registration.rejectionReason && (
        <p data-testid="registration-rejection">
          {t('events.register.reason')}: {registration.rejectionReason}
        </p>
      )}
      {registration.revokeReason && (
        <p data-testid="registration-revoked">
          {t('events.register.reason')}: {registration.revokeReason}
        </p>
      )}
      {live && !editing && (
        <p className="muted" data-testid="registration-availability">
          {t('events.register.availability')}:{' '}
          {registration.availability
            .map((p) => `${formatDateTime(p.from, locale)} – ${formatDateTime(p.to, locale)}`)
            .join('; ')}
        </p>
      )}
      {changeable && !editing && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => setEditing(true)}
          data-testid="availability-edit"
        >
          {t('events.register.changeAvailability')}
        </button>
      )}
      {editing && <AvailabilityForm registration={registration} onDone={() => setEditing(false)} />}
    </div>
  );
}
