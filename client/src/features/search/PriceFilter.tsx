import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '@contract/enums';
import { minorToMajorString, parseMajorInput } from '../../money';

interface PriceFilterProps {
  currency: Currency;
  min: string | undefined;
  max: string | undefined;
  onApply: (min: string | undefined, max: string | undefined) => void;
}

function toInput(minor: string | undefined, currency: Currency): string {
  const n = Number(minor);
  return minor && Number.isSafeInteger(n) ? minorToMajorString(n, currency) : '';
}

/** Bounds typed in major units of `currency`, put in the URL in minor units. Re-mount on URL change. */
export function PriceFilter({ currency, min, max, onApply }: PriceFilterProps) {
  const { t } = useTranslation();
  const [minText, setMinText] = useState(() => toInput(min, currency));
  const [maxText, setMaxText] = useState(() => toInput(max, currency));
  const [error, setError] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const lo = minText.trim() ? parseMajorInput(minText, currency) : undefined;
    const hi = maxText.trim() ? parseMajorInput(maxText, currency) : undefined;
    if (lo === null || hi === null) return setError(t('validation.amount'));
    if (lo !== undefined && hi !== undefined && lo > hi) return setError(t('validation.minAboveMax'));
    setError('');
    onApply(lo === undefined ? undefined : String(lo), hi === undefined ? undefined : String(hi));
  }

  return (
    <form className="facet" onSubmit={onSubmit} data-testid="facet-price" noValidate>
      <fieldset>
        <legend>
          {t('search.price')} ({currency})
        </legend>
        <div className="form-row compact">
          <label>
            <span>{t('search.from')}</span>
            <input
              name="priceMin"
              inputMode="decimal"
              value={minText}
              onChange={(e) => setMinText(e.target.value)}
            />
          </label>
          <label>
            <span>{t('search.to')}</span>
            <input
              name="priceMax"
              inputMode="decimal"
              value={maxText}
              onChange={(e) => setMaxText(e.target.value)}
            />
          </label>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-small btn-secondary" data-testid="price-apply">
          {t('search.apply')}
        </button>
      </fieldset>
    </form>
  );
}
