import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { markPayoutPaid, payoutKeys } from './paymentsApi';

const MIN_REFERENCE = 3;
const MAX_REFERENCE = 100;

/**
 * For an operator, on a share that is due: records that the exchange paid it, with the reference
 * of its transfer (3–100 characters); the payouts are read again after, the server's refusal shown.
 */
export function MarkPayoutPaidForm({ payoutId }: { payoutId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState('');
  const mark = useMutation({
    mutationFn: (ref: string) => markPayoutPaid(payoutId, { reference: ref }),
    // The list (and its totals) read again before the form says it is done.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: payoutKeys.admin }),
        queryClient.invalidateQueries({ queryKey: payoutKeys.mine }),
      ]),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const ref = reference.trim();
    if (ref.length < MIN_REFERENCE || ref.length > MAX_REFERENCE)
      return setInvalid(t('payments.payouts.referenceInvalid', { min: MIN_REFERENCE, max: MAX_REFERENCE }));
    setInvalid('');
    mark.mutate(ref);
  }

  const id = `payout-reference-${payoutId}`;
  return (
    <form className="payout-mark-paid" onSubmit={submit} noValidate>
      <label htmlFor={id}>{t('payments.payouts.transferReference')}</label>
      <div className="payout-mark-paid-controls">
        <input
          id={id}
          name="reference"
          value={reference}
          maxLength={MAX_REFERENCE}
          autoComplete="off"
          required
          aria-invalid={!!invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setReference(e.target.value)}
          data-testid={id}
        />
        <button
          type="submit"
          className="btn btn-small btn-primary"
          disabled={mark.isPending}
          data-testid={`payout-mark-paid-${payoutId}`}
        >
          {t('payments.payouts.markPaid')}
        </button>
      </div>
      {invalid && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {invalid}
        </p>
      )}
      <ErrorAlert error={mark.error} testId={`payout-error-${payoutId}`} />
    </form>
  );
}
