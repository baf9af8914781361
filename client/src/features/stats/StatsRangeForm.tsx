import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsRange } from './statsApi';

/** From and to months (inclusive) of a statistics page; applied on submit. */
export function StatsRangeForm({
  range,
  onApply,
  extra,
}: {
  range: StatsRange;
  onApply: (range: StatsRange) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const [error, setError] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (from && to && to < from) return setError(t('stats.rangeBackwards'));
    setError('');
    onApply({ from: from || undefined, to: to || undefined });
  }
  return (
    <form className="stats-filter" onSubmit={submit} data-testid="stats-filter">
      <label>
        {t('stats.from')}
        <input type="month" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="stats-from" />
      </label>
      <label>
        {t('stats.to')}
        <input type="month" value={to} onChange={(e) => setTo(e.target.value)} data-testid="stats-to" />
      </label>
      {extra}
      <button type="submit" data-testid="stats-apply">
        {t('stats.apply')}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
