import { useTranslation } from 'react-i18next';
import { CURRENCIES, VALUATION_METHODS, type Currency } from '@contract/enums';
import { describedBy, FormField } from '../../ui/FormField';
import { TextField } from '../../ui/TextField';
import { REPORT_LIMITS, type ReportValues } from './reportForm';
import { useAppraisalLabels } from './useAppraisalLabels';

/** A valuation's value range (typed in the currency's usual units), its method and its assumptions. */
export function ValuationFields({
  values,
  set,
  errorFor,
}: {
  values: ReportValues;
  set: <K extends keyof ReportValues>(key: K, value: ReportValues[K]) => void;
  errorFor: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const unitHint = t('appraisals.report.amountHint', { currency: values.currency });
  const currencyError = errorFor('valuation.currency');
  const methodError = errorFor('valuation.method');
  return (
    <fieldset className="appraisal-valuation" data-testid="report-valuation">
      <legend>{t('appraisals.report.valuation')}</legend>
      <div className="form-row">
        <TextField
          id="report-low"
          name="valuation.low"
          label={t('appraisals.report.low')}
          value={values.low}
          onChange={(v) => set('low', v)}
          error={errorFor('valuation.low')}
          hint={unitHint}
          inputMode="decimal"
          required
        />
        <TextField
          id="report-high"
          name="valuation.high"
          label={t('appraisals.report.high')}
          value={values.high}
          onChange={(v) => set('high', v)}
          error={errorFor('valuation.high')}
          hint={unitHint}
          inputMode="decimal"
          required
        />
        <FormField
          id="report-currency"
          label={t('appraisals.report.currency')}
          error={currencyError}
          required
        >
          <select
            id="report-currency"
            name="valuation.currency"
            value={values.currency}
            onChange={(e) => set('currency', e.target.value as Currency)}
            aria-describedby={describedBy('report-currency', currencyError)}
            data-testid="report-currency"
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField id="report-method" label={t('appraisals.report.method')} error={methodError} required>
        <select
          id="report-method"
          name="valuation.method"
          value={values.method}
          onChange={(e) => set('method', e.target.value as ReportValues['method'])}
          aria-invalid={!!methodError || undefined}
          aria-describedby={describedBy('report-method', methodError)}
          data-testid="report-method"
        >
          <option value="">{t('form.choose')}</option>
          {VALUATION_METHODS.map((m) => (
            <option key={m} value={m}>
              {labels.method(m)}
            </option>
          ))}
        </select>
      </FormField>
      <TextField
        id="report-assumptions"
        name="valuation.assumptions"
        label={t('appraisals.report.assumptions')}
        value={values.assumptions}
        onChange={(v) => set('assumptions', v)}
        error={errorFor('valuation.assumptions')}
        maxLength={REPORT_LIMITS.assumptions}
        multiline
        rows={3}
      />
    </fieldset>
  );
}
