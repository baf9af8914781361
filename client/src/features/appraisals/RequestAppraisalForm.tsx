import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { APPRAISAL_TYPES, CURRENCIES, type Currency, type ListingKind } from '@contract/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormField, describedBy } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { formatMoney } from '../../money';
import {
  appraisalFees,
  appraisalKeys,
  requestAppraisal,
  type Appraisal,
  type AppraisalType,
} from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

const NOTE_MAX = 2000;

/**
 * Asks the exchange for a technology appraisal or a valuation of the listing, with a note for the
 * experts and the currency its fee is charged in (VND unless chosen).
 */
export function RequestAppraisalForm({
  kind,
  listingId,
  onRequested,
  onCancel,
}: {
  kind: ListingKind;
  listingId: string;
  onRequested: (appraisal: Appraisal) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const queryClient = useQueryClient();
  const [type, setType] = useState<AppraisalType>('technology');
  const [note, setNote] = useState('');
  const [currency, setCurrency] = useState<Currency>('VND');
  const fees = useQuery({
    queryKey: [...appraisalKeys.all, 'fees'],
    queryFn: ({ signal }) => appraisalFees(signal),
    staleTime: 300_000,
  });
  const fee = fees.data?.find((f) => f.type === type && f.currency === currency);
  const request = useMutation({
    mutationFn: () => requestAppraisal({ listingKind: kind, listingId, type, note: note.trim(), currency }),
    onSuccess: (appraisal) => {
      void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
      onRequested(appraisal);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate();
  }
  return (
    <form
      className="appraisal-request-form"
      onSubmit={submit}
      noValidate
      data-testid="appraisal-request-form"
    >
      <fieldset>
        <legend>{t('appraisals.request.type')}</legend>
        {APPRAISAL_TYPES.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="appraisal-type"
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
              data-testid={`appraisal-type-${option}`}
            />
            <span>
              <strong>{labels.type(option)}</strong>
              <span className="field-hint"> — {t(`appraisals.request.typeHints.${option}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextField
        id="appraisal-note"
        name="note"
        label={t('appraisals.request.note')}
        hint={t('appraisals.request.noteHint')}
        value={note}
        onChange={setNote}
        maxLength={NOTE_MAX}
        multiline
        rows={3}
      />
      <FormField
        id="appraisal-currency"
        label={t('appraisals.request.currency')}
        hint={
          fees.data
            ? fee
              ? t('appraisals.request.feeAmount', {
                  amount: formatMoney(fee.amount, currency, labels.locale),
                })
              : t('appraisals.request.feeNone')
            : t('appraisals.request.currencyHint')
        }
      >
        <select
          id="appraisal-currency"
          name="currency"
          value={currency}
          onChange={(e) => setCurrency(e.target.value as Currency)}
          aria-describedby={describedBy('appraisal-currency', undefined, true)}
          data-testid="appraisal-currency"
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </FormField>
      <ErrorAlert error={request.error} />
      <div className="button-row">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={request.isPending || note.trim().length > NOTE_MAX}
          data-testid="appraisal-request-submit"
        >
          {request.isPending ? t('common.working') : t('appraisals.request.submit')}
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
