import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '@contract/enums';
import { FormField } from '../../ui/FormField';
import { formatMoney, parseMajorInput } from '../../money';

export interface TransferReceipt {
  amount: number;
  bankReference: string;
  receivedOn: string;
}

/**
 * What the operator read on the bank statement before a transfer counts as received: the amount
 * (checked against the fee by the server), the bank's reference and the day it arrived.
 */
export function TransferConfirmForm({
  paymentId,
  expected,
  currency,
  locale,
  busy,
  onSubmit,
  onCancel,
}: {
  paymentId: string;
  expected: number;
  currency: Currency;
  locale: string;
  busy: boolean;
  onSubmit: (receipt: TransferReceipt) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [bankReference, setBankReference] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [amountError, setAmountError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseMajorInput(amount, currency);
    if (parsed === null || parsed <= 0) return setAmountError(t('payments.admin.amountInvalid'));
    setAmountError(undefined);
    onSubmit({ amount: parsed, bankReference: bankReference.trim(), receivedOn });
  }

  const id = (field: string) => `transfer-${field}-${paymentId}`;
  return (
    <form className="transfer-confirm" onSubmit={submit} data-testid={`transfer-form-${paymentId}`}>
      <p className="muted">
        {t('payments.admin.expected', { amount: formatMoney(expected, currency, locale) })}
      </p>
      <FormField id={id('amount')} label={t('payments.admin.amountReceived')} error={amountError} required>
        <input
          id={id('amount')}
          inputMode={currency === 'VND' ? 'numeric' : 'decimal'}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid={`transfer-amount-${paymentId}`}
        />
      </FormField>
      <FormField id={id('reference')} label={t('payments.admin.bankReference')} required>
        <input
          id={id('reference')}
          value={bankReference}
          minLength={3}
          required
          onChange={(e) => setBankReference(e.target.value)}
          data-testid={`transfer-reference-${paymentId}`}
        />
      </FormField>
      <FormField id={id('date')} label={t('payments.admin.receivedOn')} required>
        <input
          id={id('date')}
          type="date"
          value={receivedOn}
          max={new Date().toISOString().slice(0, 10)}
          required
          onChange={(e) => setReceivedOn(e.target.value)}
          data-testid={`transfer-date-${paymentId}`}
        />
      </FormField>
      <div className="button-row">
        <button
          type="submit"
          className="btn btn-small btn-primary"
          disabled={busy}
          data-testid={`transfer-submit-${paymentId}`}
        >
          {t('payments.admin.confirmReceived')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
