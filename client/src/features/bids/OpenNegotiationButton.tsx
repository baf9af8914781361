import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { openDeal } from '../deals';

/** Opens a deal on the listing without a bid, then shows it. */
export function OpenNegotiationButton({ kind, listingId }: { kind: ListingKind; listingId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      navigate(`/deals/${(await openDeal(kind, listingId)).id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  return (
    <div className="open-negotiation">
      <ConfirmButton
        className="btn btn-secondary"
        label={t('bids.openNegotiation')}
        question={t('bids.openNegotiationConfirm')}
        disabled={busy}
        onConfirm={() => void open()}
        testId="open-negotiation"
      />
      <ErrorAlert error={error} />
    </div>
  );
}
