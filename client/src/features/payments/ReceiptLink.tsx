import { useTranslation } from 'react-i18next';
import { useLocale } from '../../labels';
import { receiptUrl } from './paymentsApi';

/** Opens the printable receipt (server-rendered HTML) in a new tab. */
export function ReceiptLink({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <a
      href={receiptUrl(paymentId, locale)}
      target="_blank"
      rel="noopener"
      className="btn btn-small btn-secondary"
      data-testid={`receipt-${paymentId}`}
    >
      {t('payments.receipt')}
    </a>
  );
}
