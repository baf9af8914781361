import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonForm } from '../../ui/ReasonForm';
import { useRefreshingAction } from '../../ui/useRefreshingAction';
import { approveRegistration, rejectRegistration, revokeRegistration } from './eventsApi';
import type { Registration } from './eventTypes';

/** One registration on the operator's desk, approved or rejected (with a reason) while pending; an approval revoked (with a reason). */
export function RegistrationRow({
  eventId,
  registration: r,
}: {
  eventId: string;
  registration: Registration;
}) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const { busy, error, run } = useRefreshingAction(queryKeys.event(eventId));
  const [rejecting, setRejecting] = useState(false);
  const [revoking, setRevoking] = useState(false);
  return (
    <li className="card registration" data-testid={`registration-${r.id}`} data-status={r.status}>
      <h3 className="item-title">{r.organization.name}</h3>
      <p>
        {t(`events.role.${r.role}`)} ·{' '}
        <span className={`badge badge-registration-${r.status}`} data-testid="registration-row-status">
          {t(`events.registrationStatus.${r.status}`)}
        </span>
      </p>
      {r.listings.length > 0 && <p>{r.listings.map((l) => l.title).join(' · ')}</p>}
      {r.pitch && <p className="muted">{r.pitch}</p>}
      {r.lookingFor && (
        <p className="muted">
          {t('events.register.lookingFor')}: {r.lookingFor}
        </p>
      )}
      <p className="muted">
        {t('events.register.availability')}:{' '}
        {r.availability
          .map((p) => `${formatDateTime(p.from, locale)} – ${formatDateTime(p.to, locale)}`)
          .join('; ')}
      </p>
      {r.rejectionReason && (
        <p>
          {t('events.register.reason')}: {r.rejectionReason}
        </p>
      )}
      {r.status === 'pending' && !rejecting && (
        <div className="page-links">
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => void run(() => approveRegistration(eventId, r.id))}
            data-testid={`approve-${r.id}`}
          >
            {t('events.admin.approve')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline btn-small"
            disabled={busy}
            onClick={() => setRejecting(true)}
            data-testid={`reject-${r.id}`}
          >
            {t('events.admin.reject')}
          </button>
        </div>
      )}
      {r.revokeReason && (
        <p data-testid="registration-revoke-reason">
          {t('events.register.reason')}: {r.revokeReason}
        </p>
      )}
      {r.status === 'approved' && !revoking && (
        <div className="page-links">
          <button
            type="button"
            className="btn btn-danger-outline btn-small"
            disabled={busy}
            onClick={() => setRevoking(true)}
            data-testid={`revoke-${r.id}`}
          >
            {t('events.admin.revoke')}
          </button>
        </div>
      )}
      {revoking && (
        <ReasonForm
          action="revoke"
          targetId={r.id}
          label={t('events.admin.revokeReason')}
          confirmLabel={t('events.admin.revoke')}
          busy={busy}
          onSubmit={(reason) =>
            void run(() => revokeRegistration(eventId, r.id, reason)).then(() => setRevoking(false))
          }
          onCancel={() => setRevoking(false)}
        />
      )}
      {rejecting && (
        <ReasonForm
          action="reject"
          targetId={r.id}
          label={t('events.admin.rejectReason')}
          confirmLabel={t('events.admin.reject')}
          busy={busy}
          onSubmit={(reason) => void run(() => rejectRegistration(eventId, r.id, reason))}
          onCancel={() => setRejecting(false)}
        />
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
