import { useTranslation } from 'react-i18next';
import type { DealStatus } from './dealTypes';

export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-deal-${status}`} data-testid="deal-status" data-status={status}>
      {t(`deals.statuses.${status}`, { defaultValue: status })}
    </span>
  );
}
