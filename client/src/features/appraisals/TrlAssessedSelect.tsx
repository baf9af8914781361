import { useTranslation } from 'react-i18next';
import { TRL_MAX, TRL_MIN } from '@contract/enums';
import { describedBy, FormField } from '../../ui/FormField';

const LEVELS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);

/** The technology readiness level the expert found, 1 to 9, each with its meaning. */
export function TrlAssessedSelect({
  value,
  onChange,
  error,
  claimedHint,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  claimedHint?: string;
}) {
  const { t } = useTranslation();
  const id = 'report-trl';
  return (
    <FormField id={id} label={t('appraisals.report.trl')} error={error} hint={claimedHint} required>
      <select
        id={id}
        name="trlAssessed"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error, claimedHint)}
        data-testid="report-trl"
      >
        <option value="">{t('form.choose')}</option>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {level} — {t(`trl.${level}`)}
          </option>
        ))}
      </select>
    </FormField>
  );
}
