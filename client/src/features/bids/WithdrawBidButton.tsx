import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { decideBid } from './bidsApi';
import type { Bid } from './bidTypes';

export function WithdrawBidButton({ bid, onChanged }: { bid: Bid; onChanged: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (bid.status !== 'submitted' && bid.status !== 'shortlisted') return null;
  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      await decideBid(bid.id, 'withdraw');
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-danger-outline"
        disabled={busy}
        onClick={() => void withdraw()}
        data-testid={`withdraw-bid-${bid.id}`}
      >
        {t('bids.withdraw')}
      </button>
      <ErrorAlert error={error} />
    </>
  );
}
