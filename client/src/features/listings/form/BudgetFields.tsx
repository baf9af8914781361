import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';
import type { DemandValues } from '../demandForm';
import { CurrencySelect } from './CurrencySelect';
import type { SectionProps } from './formProps';

export function BudgetFields({ idPrefix, values, set, errorFor }: SectionProps<DemandValues>) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name}`;
  const hint = t('listingForm.amountHint', { currency: values.currency });
  return (
    <fieldset data-testid="budget">
      <legend>{t('listing.budget')}</legend>
      <div className="form-row three">
        <TextField
          id={id('budgetMin')}
          name="budget.min"
          label={t('listing.budgetMin')}
          value={values.budgetMin}
          onChange={(v) => set('budgetMin', v)}
          error={errorFor('budget.min')}
          hint={hint}
          inputMode="decimal"
          required
        />
        <TextField
          id={id('budgetMax')}
          name="budget.max"
          label={t('listing.budgetMax')}
          value={values.budgetMax}
          onChange={(v) => set('budgetMax', v)}
          error={errorFor('budget.max') ?? (errorFor('budget.min') ? undefined : errorFor('budget'))}
          hint={hint}
          inputMode="decimal"
          required
        />
        <CurrencySelect
          id={id('currency')}
          name="budget.currency"
          label={t('listing.currency')}
          value={values.currency}
          onChange={(c) => set('currency', c)}
          error={errorFor('budget.currency')}
        />
      </div>
    </fieldset>
  );
}
