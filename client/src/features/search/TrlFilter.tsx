import { useTranslation } from 'react-i18next';
import { TRL_MAX, TRL_MIN } from '@contract/enums';
import type { FacetCounts } from '../../types';

interface TrlFilterProps {
  min: string | undefined;
  max: string | undefined;
  counts?: FacetCounts;
  onChange: (min: string | undefined, max: string | undefined) => void;
}

const LEVELS = Array.from({ length: TRL_MAX - TRL_MIN + 1 }, (_, i) => TRL_MIN + i);

export function TrlFilter({ min, max, counts, onChange }: TrlFilterProps) {
  const { t } = useTranslation();
  const peak = counts ? Math.max(1, ...LEVELS.map((l) => counts[String(l)] ?? 0)) : 1;
  return (
    <fieldset className="facet" data-testid="facet-trl">
      <legend>{t('listing.trl')}</legend>
      {counts && (
        <ol className="trl-histogram" aria-label={t('search.trlDistribution')}>
          {LEVELS.map((level) => {
            const count = counts[String(level)] ?? 0;
            const inRange = (!min || level >= Number(min)) && (!max || level <= Number(max));
            return (
              <li key={level} className={inRange ? 'in-range' : ''} title={`TRL ${level}: ${count}`}>
                <span className="bar" style={{ height: `${Math.round((count / peak) * 100)}%` }} />
                <span className="level">{level}</span>
                <span className="visually-hidden">
                  TRL {level}: {count}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="form-row compact">
        <label>
          <span>{t('search.from')}</span>
          <select
            name="trlMin"
            value={min ?? ''}
            onChange={(e) => onChange(e.target.value || undefined, max)}
          >
            <option value="">{TRL_MIN}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l} disabled={!!max && l > Number(max)}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('search.to')}</span>
          <select
            name="trlMax"
            value={max ?? ''}
            onChange={(e) => onChange(min, e.target.value || undefined)}
          >
            <option value="">{TRL_MAX}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l} disabled={!!min && l < Number(min)}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
