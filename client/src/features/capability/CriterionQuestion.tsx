import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapabilityCriterion } from '@contract/capability-criteria';
import { useCapabilityLabels } from './useCapabilityLabels';

/** One criterion: its label and explanation, and its five bands (weakest first) as radio buttons. */
export function CriterionQuestion({
  criterion,
  value,
  onChange,
}: {
  criterion: CapabilityCriterion;
  value: number | undefined;
  onChange: (band: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const hintId = useId();
  const { code } = criterion;
  return (
    <fieldset className="capability-criterion" aria-describedby={hintId} data-testid={`criterion-${code}`}>
      <legend>
        <span className="capability-code">{code}</span> {labels.text(criterion.label)}{' '}
        <span className="muted">{t('capability.upToPoints', { points: criterion.maxPoints })}</span>
      </legend>
      <p className="field-hint" id={hintId}>
        {labels.text(criterion.explanation)}
      </p>
      <div className="capability-bands">
        {criterion.bands.map((band, i) => (
          <label key={i} className={value === i ? 'active' : undefined}>
            <input
              type="radio"
              name={code}
              value={i}
              checked={value === i}
              onChange={() => onChange(i)}
              data-testid={`criterion-${code}-band-${i}`}
            />
            {labels.text(band)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
