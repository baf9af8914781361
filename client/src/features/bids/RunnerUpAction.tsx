import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ListingKind } from '@contract/enums';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerToRunnerUp, useListingDeposits } from './depositApi';

/**
 * The owner's offer of the technology to the runner-up, shown on its auction or call once an
 * operator forfeited the deposit of a winner who walked away (and until that forfeit's offer is
 * made): confirming opens the deal with the runner-up, whose page it goes to. The server picks the
 * runner-up and refuses (shown here) when none qualifies.
 */
export function RunnerUpAction({ kind, listingId }: { kind: ListingKind; listingId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deposits = useListingDeposits(kind, listingId, true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const forfeit = deposits.data?.deposits.find(
    (d) => d.deposit?.outcome === 'forfeited' && !d.deposit.runnerUp?.dealId,
  );
  if (!forfeit) return null;

  async function offer() {
    setBusy(true);
    setError(null);
    try {
      navigate(`/deals/${(await offerToRunnerUp(kind, listingId)).id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="runner-up" data-testid="runner-up" aria-labelledby="runner-up-title">
      <h3 id="runner-up-title">{t('bids.runnerUp.title')}</h3>
      <p className="muted">{t(kind === 'offer' ? 'bids.runnerUp.hintAuction' : 'bids.runnerUp.hintCall')}</p>
      <div className="button-row">
        <ConfirmButton
          label={t('bids.runnerUp.offer')}
          question={t('bids.runnerUp.confirm')}
          disabled={busy}
          onConfirm={() => void offer()}
          testId="offer-runner-up"
        />
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
