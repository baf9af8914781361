import { useTranslation } from 'react-i18next';
import type { FacetCounts } from '../../types';

interface FacetRadioGroupProps {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string | undefined;
  counts?: FacetCounts;
  onSelect: (value: string | undefined) => void;
  /** Options with no hits are hidden when counts are known, except the selected one. */
  hideEmpty?: boolean;
}

export function FacetRadioGroup({
  name,
  legend,
  options,
  selected,
  counts,
  onSelect,
  hideEmpty,
}: FacetRadioGroupProps) {
  const { t } = useTranslation();
  const shown = options.filter(
    (o) => !hideEmpty || !counts || (counts[o.value] ?? 0) > 0 || o.value === selected,
  );
  return (
    <fieldset className="facet" data-testid={`facet-${name}`}>
      <legend>{legend}</legend>
      <label className={`facet-option${!selected ? ' selected' : ''}`}>
        <input type="radio" name={name} value="" checked={!selected} onChange={() => onSelect(undefined)} />
        <span className="facet-label">{t('search.all')}</span>
      </label>
      {shown.map((o) => (
        <label key={o.value} className={`facet-option${selected === o.value ? ' selected' : ''}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={selected === o.value}
            onChange={() => onSelect(o.value)}
          />
          <span className="facet-label">{o.label}</span>
          {counts && (
            <span className="facet-count" data-testid={`facet-count-${name}-${o.value}`}>
              {counts[o.value] ?? 0}
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
