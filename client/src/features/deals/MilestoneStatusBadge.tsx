import { useTranslation } from 'react-i18next';
import type { DeliveryMilestoneStatus } from './dealTypes';

export function MilestoneStatusBadge({ status }: { status: DeliveryMilestoneStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-milestone-${status}`} data-testid="milestone-status" data-status={status}>
      {t(`deals.milestones.statuses.${status}`, { defaultValue: status })}
    </span>
  );
}
