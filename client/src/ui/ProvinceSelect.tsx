import { useTranslation } from 'react-i18next';
import { PROVINCES } from '@contract/enums';
import { useLocale } from '../labels';

interface ProvinceSelectProps {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
  invalid?: boolean;
  emptyLabel?: string;
  counts?: Record<string, number>;
}

export function ProvinceSelect({
  id,
  name,
  value,
  onChange,
  describedBy,
  invalid,
  emptyLabel,
  counts,
}: ProvinceSelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sorted = [...PROVINCES].sort((a, b) => a.label[locale].localeCompare(b.label[locale], locale));
  return (
    <select
      id={id}
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      <option value="">{emptyLabel ?? t('form.choose')}</option>
      {sorted.map((p) => (
        <option key={p.code} value={p.code}>
          {p.label[locale]}
          {counts ? ` (${counts[p.code] ?? 0})` : ''}
        </option>
      ))}
    </select>
  );
}
