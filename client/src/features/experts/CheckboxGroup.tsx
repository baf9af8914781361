/** A required choice of several values as checkboxes, in the order of `options`. */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  required,
}: {
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: string;
  required?: boolean;
}) {
  const errorId = `${id}-error`;
  function toggle(option: V, checked: boolean) {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }
  return (
    <fieldset
      className={`checkbox-group${error ? ' has-error' : ''}`}
      aria-describedby={error ? errorId : undefined}
      data-testid={id}
    >
      <legend>
        {legend}
        {required && <span className="required-mark"> *</span>}
      </legend>
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              name={id}
              value={o.value}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              aria-invalid={!!error || undefined}
              data-testid={`${id}-${o.value}`}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId} role="alert" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
