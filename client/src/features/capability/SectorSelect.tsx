import { CAPABILITY_SECTORS } from '@contract/capability-criteria';
import { useCapabilityLabels } from './useCapabilityLabels';

/** A manufacturing sector of the questionnaire (`emptyLabel` offers "any" as the first choice). */
export function SectorSelect({
  id,
  value,
  onChange,
  emptyLabel,
  describedBy,
  testId,
}: {
  id: string;
  value: string;
  onChange: (sector: string) => void;
  emptyLabel: string;
  describedBy?: string;
  testId?: string;
}) {
  const labels = useCapabilityLabels();
  const sorted = [...CAPABILITY_SECTORS].sort((a, b) =>
    labels.text(a.label).localeCompare(labels.text(b.label), labels.locale),
  );
  return (
    <select
      id={id}
      name="sector"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      data-testid={testId}
    >
      <option value="">{emptyLabel}</option>
      {sorted.map((s) => (
        <option key={s.code} value={s.code}>
          {labels.text(s.label)}
        </option>
      ))}
    </select>
  );
}
