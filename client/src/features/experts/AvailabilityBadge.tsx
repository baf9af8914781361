import { useTranslation } from 'react-i18next';
import type { ExpertAvailability } from './expertsApi';

/** An expert's availability as a coloured badge. */
export function AvailabilityBadge({
  availability,
  testId,
}: {
  availability: ExpertAvailability;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge expert-availability expert-availability-${availability}`}
      data-testid={testId}
      data-availability={availability}
    >
      {t(`experts.availability.${availability}`)}
    </span>
  );
}
