import { useTranslation } from 'react-i18next';
import { DEMAND_MODES } from '@contract/enums';
import { useLabels } from '../../../labels';
import { TextField } from '../../../ui/TextField';
import type { DemandValues } from '../demandForm';
import type { SectionProps } from './formProps';

export function DemandModeFields({ idPrefix, values, set, errorFor }: SectionProps<DemandValues>) {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const modeError = errorFor('mode');
  return (
    <fieldset data-testid="demand-mode">
      <legend>{t('listing.mode')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('listing.mode')}>
        {DEMAND_MODES.map((mode) => (
          <label key={mode} className={values.mode === mode ? 'active' : ''}>
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={values.mode === mode}
              onChange={() => set('mode', mode)}
            />
            {enumLabel('demandMode', mode)}
          </label>
        ))}
      </div>
      <p className="field-hint">{t(`listingForm.modeHint.${values.mode}`)}</p>
      {modeError && <p className="field-error">{modeError}</p>}
      {values.mode === 'call_for_proposals' && (
        <TextField
          id={`${idPrefix}-deadline`}
          name="deadline"
          label={t('listing.deadline')}
          type="datetime-local"
          value={values.deadline}
          onChange={(v) => set('deadline', v)}
          error={errorFor('deadline')}
          required
        />
      )}
      {values.mode === 'call_for_proposals' && (
        <TextField
          id={`${idPrefix}-deposit`}
          name="deposit"
          label={t('listingForm.callDeposit')}
          value={values.deposit}
          onChange={(v) => {
            set('deposit', v);
            // A deposit typed replaces the percentage it was set as.
            if (values.depositPct) set('depositPct', undefined);
          }}
          error={errorFor('deposit') ?? errorFor('depositPct')}
          hint={
            values.depositPct
              ? t('listingForm.callDepositPctHint', { pct: values.depositPct })
              : t('listingForm.callDepositHint', { currency: values.currency })
          }
          inputMode="decimal"
        />
      )}
    </fieldset>
  );
}
