import { useTranslation } from 'react-i18next';
import { IP_STATUSES } from '@contract/enums';
import { useLabels } from '../../../labels';
import { describedBy, FormField } from '../../../ui/FormField';
import { TagInput } from '../../../ui/TagInput';
import { IP_NUMBERS_MAX } from '../listingRules';
import { hasIpNumbers, type OfferValues } from '../offerForm';
import type { SectionProps } from './formProps';

export function IpFields({ idPrefix, values, set, errorFor }: SectionProps<OfferValues>) {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const statusId = `${idPrefix}-ipStatus`;
  const numbersId = `${idPrefix}-ipNumbers`;
  const statusError = errorFor('ipStatus');
  const numbersError = errorFor('ipNumbers');

  return (
    <div className="form-row">
      <FormField id={statusId} label={t('listing.ipStatus')} error={statusError} required>
        <select
          id={statusId}
          name="ipStatus"
          value={values.ipStatus}
          onChange={(e) => set('ipStatus', e.target.value)}
          aria-invalid={!!statusError || undefined}
          aria-describedby={describedBy(statusId, statusError)}
        >
          {IP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {enumLabel('ipStatus', status)}
            </option>
          ))}
        </select>
      </FormField>
      {hasIpNumbers(values.ipStatus) && (
        <FormField
          id={numbersId}
          label={t('listing.ipNumbers')}
          error={numbersError}
          hint={t('listingForm.ipNumbersHint')}
        >
          <TagInput
            id={numbersId}
            name="ipNumbers"
            values={values.ipNumbers}
            onChange={(ipNumbers) => set('ipNumbers', ipNumbers)}
            max={IP_NUMBERS_MAX}
            invalid={!!numbersError}
            describedBy={describedBy(numbersId, numbersError, true)}
          />
        </FormField>
      )}
    </div>
  );
}
