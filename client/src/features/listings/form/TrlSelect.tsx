import { useTranslation } from 'react-i18next';
import { TRL_MAX, TRL_MIN } from '@contract/enums';
import { describedBy, FormField } from '../../../ui/FormField';

interface TrlSelectProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

const LEVELS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);

export function TrlSelect({ id, name, label, value, onChange, error }: TrlSelectProps) {
  const { t } = useTranslation();
  return (
    <FormField id={id} label={label} error={error} hint={t('listingForm.trlHint')} required>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error, true)}
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
