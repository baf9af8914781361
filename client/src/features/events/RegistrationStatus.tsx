import { useTranslation } from 'react-i18next';
import type { Registration } from './eventTypes';

/** The organization's registration: its role and the operator's decision. */
export function RegistrationStatus({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
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
    </div>
  );
}
