import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { OutcomeForm } from '../../ui/OutcomeForm';
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
  const [rejecting, setRejecting] = useState(false);
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
          disabled={busy || rejecting}
          onClick={() => setRejecting(true)}
          data-testid={`reject-bid-${bid.id}`}
        >
          {t('bids.reject')}
        </button>
      </div>
      {rejecting && (
        <OutcomeForm
          action="reject"
          targetId={bid.id}
          label={t('outcome.rejectLabel')}
          confirmLabel={t('bids.reject')}
          busy={busy}
          onSubmit={(outcome) =>
            void run(async () => {
              await decideBid(bid.id, 'reject', outcome);
              setRejecting(false);
              onChanged();
            })
          }
          onCancel={() => setRejecting(false)}
        />
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
