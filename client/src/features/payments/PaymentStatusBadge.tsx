import { useTranslation } from 'react-i18next';
import './payments.css';
import type { PaymentStatus } from './paymentsApi';

export function PaymentStatusBadge({ status }: { status?: PaymentStatus }) {
  const { t } = useTranslation();
  const shown = status ?? 'unpaid';
  return (
    <span className={`badge badge-payment-${shown}`} data-testid="payment-status" data-status={shown}>
      {t(`payments.status.${shown}`)}
    </span>
  );
}
