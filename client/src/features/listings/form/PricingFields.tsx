import { useTranslation } from 'react-i18next';
import { PRICING_MODELS } from '@contract/enums';
import { useLabels } from '../../../labels';
import { TextField } from '../../../ui/TextField';
import type { OfferValues } from '../offerForm';
import { PriceGuidancePanel } from '../../stats';
import { CurrencySelect } from './CurrencySelect';
import type { SectionProps } from './formProps';

export function PricingFields({ idPrefix, values, set, errorFor }: SectionProps<OfferValues>) {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const id = (name: string) => `${idPrefix}-${name}`;
  const modelError = errorFor('pricing.model');
  const auction = values.pricingModel === 'auction';
  const unitHint = t('listingForm.amountHint', { currency: values.currency });
  const amountLabel = auction
    ? t('listing.startingPrice')
    : values.pricingModel === 'negotiable'
      ? t('listing.indicativePrice')
      : t('listing.price');

  return (
    <fieldset data-testid="pricing">
      <legend>{t('listing.pricing')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('listing.pricingModel')}>
        {PRICING_MODELS.map((model) => (
          <label key={model} className={values.pricingModel === model ? 'active' : ''}>
            <input
              type="radio"
              name="pricing.model"
              value={model}
              checked={values.pricingModel === model}
              onChange={() => set('pricingModel', model)}
            />
            {enumLabel('pricingModel', model)}
          </label>
        ))}
      </div>
      {modelError && <p className="field-error">{modelError}</p>}
      <div className="form-row">
        <TextField
          id={id('amount')}
          name="pricing.amount"
          label={amountLabel}
          value={values.amount}
          onChange={(v) => set('amount', v)}
          error={errorFor('pricing.amount')}
          hint={unitHint}
          inputMode="decimal"
          required={values.pricingModel !== 'negotiable'}
        />
        <CurrencySelect
          id={id('currency')}
          name="pricing.currency"
          label={t('listing.currency')}
          value={values.currency}
          onChange={(c) => set('currency', c)}
          error={errorFor('pricing.currency')}
        />
      </div>
      <PriceGuidancePanel
        field={values.field || undefined}
        currency={values.currency}
        trl={values.trl ? Number(values.trl) : undefined}
      />
      {auction && (
        <div className="form-row">
          <TextField
            id={id('reservePrice')}
            name="pricing.reservePrice"
            label={t('listing.reservePrice')}
            value={values.reservePrice}
            onChange={(v) => set('reservePrice', v)}
            error={errorFor('pricing.reservePrice')}
            hint={t('listingForm.reservePriceHint')}
            inputMode="decimal"
          />
          <TextField
            id={id('closesAt')}
            name="pricing.closesAt"
            label={t('listing.closesAt')}
            type="datetime-local"
            value={values.closesAt}
            onChange={(v) => set('closesAt', v)}
            error={errorFor('pricing.closesAt')}
            required
          />
        </div>
      )}
      {auction && (
        <div className="form-row">
          <TextField
            id={id('deposit')}
            name="pricing.deposit"
            label={t('listingForm.deposit')}
            value={values.deposit}
            onChange={(v) => {
              set('deposit', v);
              // A deposit typed replaces the percentage it was set as.
              if (values.depositPct) set('depositPct', undefined);
            }}
            error={errorFor('pricing.deposit') ?? errorFor('pricing.depositPct')}
            hint={
              values.depositPct
                ? t('listingForm.depositPctHint', { pct: values.depositPct })
                : t('listingForm.depositHint', { currency: values.currency })
            }
            inputMode="decimal"
          />
        </div>
      )}
    </fieldset>
  );
}
