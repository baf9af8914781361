import { useTranslation } from 'react-i18next';
import { emptyRow, type PeriodRow } from './periodRows';

/** From/to pairs the user adds and removes (availability for meetings, breaks). */
export function PeriodRows({
  id,
  legend,
  rows,
  onChange,
  error,
  required,
}: {
  id: string;
  legend: string;
  rows: PeriodRow[];
  onChange: (rows: PeriodRow[]) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<PeriodRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className={`period-rows${error ? ' has-error' : ''}`} data-testid={id}>
      <legend>
        {legend}
        {required && <span className="required-mark"> *</span>}
      </legend>
      {rows.map((row, i) => (
        <div key={i} className="period-row" data-testid={`${id}-row`}>
          <label>
            {t('events.from')}
            <input
              type="datetime-local"
              value={row.from}
              onChange={(e) => update(i, { from: e.target.value })}
              data-testid={`${id}-from-${i}`}
            />
          </label>
          <label>
            {t('events.to')}
            <input
              type="datetime-local"
              value={row.to}
              onChange={(e) => update(i, { to: e.target.value })}
              data-testid={`${id}-to-${i}`}
            />
          </label>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={t('events.removePeriod', { n: i + 1 })}
            data-testid={`${id}-remove-${i}`}
          >
            {t('events.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small btn-secondary"
        onClick={() => onChange([...rows, emptyRow()])}
        data-testid={`${id}-add`}
      >
        {t('events.addPeriod')}
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
