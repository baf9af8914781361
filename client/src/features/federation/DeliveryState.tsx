import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLabels } from '../../labels';

interface Delivery {
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

/** Where one signed delivery to a partner exchange stands (an inquiry, an answer), in words. */
export function DeliveryState({
  delivery,
  name,
  testId,
}: {
  delivery: Delivery;
  name: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, labels.locale) : '');
  return (
    <span className={`delivery delivery-${delivery.state}`} data-testid={testId} data-state={delivery.state}>
      {delivery.state === 'delivered' &&
        t('federation.delivery.delivered', { name, at: when(delivery.deliveredAt) })}
      {delivery.state === 'pending' &&
        t('federation.delivery.pending', {
          name,
          at: when(delivery.nextAttemptAt),
          attempts: delivery.attempts,
        })}
      {delivery.state === 'failed' && t('federation.delivery.failed', { name, attempts: delivery.attempts })}
      {delivery.state !== 'delivered' && delivery.lastError && (
        <span className="muted"> ({delivery.lastError})</span>
      )}
    </span>
  );
}
