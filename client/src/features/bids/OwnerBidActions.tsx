import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatMoney } from '../../money';
import { acceptBid, decideBid } from './bidsApi';
import type { Bid } from './bidTypes';

const LIVE = ['submitted', 'shortlisted'];

/** The owner's decisions on one bid: shortlist, accept (opens the deal page), reject. */
export function OwnerBidActions({ bid, onChanged }: { bid: Bid; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!LIVE.includes(bid.status)) return null;

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <div className="button-row">
        {bid.status === 'submitted' && (
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={busy}
            onClick={() => void run(async () => (await decideBid(bid.id, 'shortlist'), onChanged()))}
            data-testid={`shortlist-bid-${bid.id}`}
          >
            {t('bids.shortlist')}
          </button>
        )}
        <ConfirmButton
          className="btn btn-small btn-primary"
          label={t('bids.accept')}
          question={t('bids.acceptConfirm', { amount: formatMoney(bid.amount, bid.currency, i18n.language) })}
          disabled={busy}
          onConfirm={() => void run(async () => navigate(`/deals/${(await acceptBid(bid.id)).id}`))}
          testId={`accept-bid-${bid.id}`}
        />
        <button
          type="button"
          className="btn btn-small btn-danger-outline"
          disabled={busy}
          onClick={() => void run(async () => (await decideBid(bid.id, 'reject'), onChanged()))}
          data-testid={`reject-bid-${bid.id}`}
        >
          {t('bids.reject')}
        </button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
