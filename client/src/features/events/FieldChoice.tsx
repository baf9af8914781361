import { useTranslation } from 'react-i18next';
import type { FieldCode } from '@contract/taxonomy';

/** The event's themes: one checkbox per field of the taxonomy. */
export function FieldChoice({
  options,
  value,
  onChange,
  error,
}: {
  options: { value: FieldCode; label: string }[];
  value: FieldCode[];
  onChange: (value: FieldCode[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const toggle = (code: FieldCode, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === code ? on : value.includes(v))));
  return (
    <fieldset className={`checkbox-group${error ? ' has-error' : ''}`} data-testid="event-fields">
      <legend>
        {t('events.admin.fields')}
        <span className="required-mark"> *</span>
      </legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              data-testid={`event-field-${o.value}`}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="error-event-fields">
          {error}
        </p>
      )}
    </fieldset>
  );
}
