import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_MODES, type Currency, type TransferMode } from '@contract/enums';
import { useLabels } from '../../labels';
import { parseMajorInput } from '../../money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FormField } from '../../ui/FormField';
import { useFormErrors } from '../../ui/useFormErrors';
import { placeBid } from './bidsApi';
import type { Bid, BidListing } from './bidTypes';

/**
 * A bid on an offer or a proposal on a demand, in the listing's currency. With `blockedReason`
 * (an auction's deposit not paid yet) the form shows, disabled, and says why.
 */
export function BidForm({
  listing,
  onPlaced,
  blockedReason,
}: {
  listing: BidListing;
  onPlaced: (bid: Bid) => void;
  blockedReason?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const currency: Currency = listing.currency ?? 'VND';
  const modes = listing.transferModes.length ? listing.transferModes : [...TRANSFER_MODES];
  const [amount, setAmount] = useState('');
  const [transferMode, setTransferMode] = useState<TransferMode>(modes[0]);
  const [terms, setTerms] = useState('');
  const [busy, setBusy] = useState(false);
  const { formError, showServerError, clear, errorFor, showIssues } = useFormErrors();

  const blocked = !!blockedReason;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    const minor = parseMajorInput(amount, currency);
    if (minor === null || minor <= 0) {
      showIssues({ amount: { key: 'amount' } });
      return;
    }
    setBusy(true);
    clear();
    try {
      const bid = await placeBid(listing.kind, listing.id, { amount: minor, currency, transferMode, terms });
      setAmount('');
      setTerms('');
      onPlaced(bid);
    } catch (err) {
      showServerError(err);
    } finally {
      setBusy(false);
    }
  }

  const amountError = errorFor('amount') ?? errorFor('currency');
  return (
    <form
      className="bid-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="bid-form"
      data-blocked={blocked ? 'true' : 'false'}
      aria-describedby={blocked ? 'bid-form-blocked' : undefined}
    >
      {blocked && (
        <p className="muted" id="bid-form-blocked" data-testid="bid-form-blocked">
          {blockedReason}
        </p>
      )}
      <FormField id="bid-amount" label={t('bids.amount', { currency })} error={amountError} required>
        <input
          id="bid-amount"
          name="amount"
          inputMode={currency === 'VND' ? 'numeric' : 'decimal'}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={!!amountError || undefined}
          aria-describedby={describedBy('bid-amount', amountError)}
          disabled={blocked}
          data-testid="bid-amount"
        />
      </FormField>
      <FormField
        id="bid-transfer-mode"
        label={t('bids.transferMode')}
        error={errorFor('transferMode')}
        required
      >
        <select
          id="bid-transfer-mode"
          value={transferMode}
          onChange={(e) => setTransferMode(e.target.value as TransferMode)}
          disabled={blocked}
          data-testid="bid-transfer-mode"
        >
          {modes.map((mode) => (
            <option key={mode} value={mode}>
              {labels.enumLabel('transferMode', mode)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="bid-terms" label={t('bids.terms')} error={errorFor('terms')}>
        <textarea
          id="bid-terms"
          rows={3}
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
          disabled={blocked}
          data-testid="bid-terms"
        />
      </FormField>
      <ErrorAlert error={formError} />
      <button type="submit" className="btn btn-primary" disabled={busy || blocked} data-testid="bid-submit">
        {busy ? t('common.working') : listing.kind === 'offer' ? t('bids.placeBid') : t('bids.placeProposal')}
      </button>
    </form>
  );
}
