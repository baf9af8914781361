import { CURRENCIES, type Currency } from '@contract/enums';
import { describedBy, FormField } from '../../../ui/FormField';

interface CurrencySelectProps {
  id: string;
  name: string;
  label: string;
  value: Currency;
  onChange: (value: Currency) => void;
  error?: string;
}

export function CurrencySelect({ id, name, label, value, onChange, error }: CurrencySelectProps) {
  return (
    <FormField id={id} label={label} error={error} required>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value === 'USD' ? 'USD' : 'VND')}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(id, error)}
      >
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </FormField>
  );
}
