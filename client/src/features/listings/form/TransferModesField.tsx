import { useTranslation } from 'react-i18next';
import { TRANSFER_MODES } from '@contract/enums';
import { useLabels } from '../../../labels';
import type { SectionProps } from './formProps';

export function TransferModesField({ idPrefix, values, set, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { enumLabel } = useLabels();
  const error = errorFor('transferModes');
  const errorId = `${idPrefix}-transferModes-error`;

  function toggle(mode: string, checked: boolean) {
    const next = checked ? [...values.transferModes, mode] : values.transferModes.filter((m) => m !== mode);
    set(
      'transferModes',
      TRANSFER_MODES.filter((m) => next.includes(m)),
    );
  }

  return (
    <fieldset
      className={`checkbox-group${error ? ' has-error' : ''}`}
      aria-describedby={error ? errorId : undefined}
      data-testid="transfer-modes"
    >
      <legend>
        {t('listing.transferModes')}
        <span className="required-mark"> *</span>
      </legend>
      <div className="checkbox-grid">
        {TRANSFER_MODES.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="checkbox"
              name="transferModes"
              value={mode}
              checked={values.transferModes.includes(mode)}
              onChange={(e) => toggle(mode, e.target.checked)}
              aria-invalid={!!error || undefined}
            />
            {enumLabel('transferMode', mode)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId} role="alert" data-testid={`error-${idPrefix}-transferModes`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
