import { TAXONOMY } from '@contract/taxonomy';
import { useLabels } from '../../labels';

/** A field of the taxonomy (`emptyLabel` offers "any" as the first choice). */
export function FieldSelect({
  id,
  value,
  onChange,
  emptyLabel,
  testId,
}: {
  id: string;
  value: string;
  onChange: (field: string) => void;
  emptyLabel: string;
  testId?: string;
}) {
  const labels = useLabels();
  return (
    <select
      id={id}
      name="field"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    >
      <option value="">{emptyLabel}</option>
      {TAXONOMY.map((f) => (
        <option key={f.code} value={f.code}>
          {labels.field(f.code)}
        </option>
      ))}
    </select>
  );
}
