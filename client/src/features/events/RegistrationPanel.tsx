import { Link, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationStatus } from './RegistrationStatus';
import type { FairEvent, Registration } from './eventTypes';

/** Where the user stands with the event: sign in, register, or the registration's status. */
export function RegistrationPanel({
  event,
  registration,
}: {
  event: FairEvent;
  registration: Registration | null | undefined;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { pathname } = useLocation();
  if (!user) {
    return (
      <p className="card">
        <Link to={`/login?next=${encodeURIComponent(pathname)}`} data-testid="event-sign-in">
          {t('events.register.signIn')}
        </Link>
      </p>
    );
  }
  if (!user.organization || registration === undefined) return null;
  if (registration) return <RegistrationStatus event={event} registration={registration} />;
  if (!event.registrationOpen) return <p className="muted">{t('events.register.closed')}</p>;
  return <RegistrationForm event={event} />;
}
