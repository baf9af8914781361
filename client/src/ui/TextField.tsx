import { useTranslation } from 'react-i18next';
import { describedBy, FormField } from './FormField';

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Shows a character counter against this limit; the limit itself is checked by validation. */
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'datetime-local' | 'number';
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
}

export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const { id, name, label, value, onChange, error, hint, required, maxLength, multiline, rows = 5 } = props;
  const counter =
    maxLength !== undefined
      ? t('form.charCount', { length: value.trim().length, max: maxLength })
      : undefined;
  const hintText = [hint, counter].filter(Boolean).join(' · ') || undefined;
  const common = {
    id,
    name,
    value,
    placeholder: props.placeholder,
    'aria-invalid': !!error || undefined,
    'aria-describedby': describedBy(id, error, hintText),
    'aria-required': required || undefined,
  };
  return (
    <FormField id={id} label={label} error={error} hint={hintText} required={required}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
