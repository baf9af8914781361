import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERT_AVAILABILITIES, type ExpertQuery } from './expertsApi';
import { FieldSelect } from './FieldSelect';

export type ExpertFilter = Pick<ExpertQuery, 'field' | 'q' | 'availability'>;

/** The directory's filters: field, words and availability, applied together. */
export function ExpertFilters({
  filter,
  onApply,
}: {
  filter: ExpertFilter;
  onApply: (filter: ExpertFilter) => void;
}) {
  const { t } = useTranslation();
  const [field, setField] = useState(filter.field ?? '');
  const [q, setQ] = useState(filter.q ?? '');
  const [availability, setAvailability] = useState(filter.availability ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ field, q: q.trim(), availability });
  }
  return (
    <form className="expert-filter" onSubmit={submit} role="search" data-testid="expert-filter">
      <div>
        <label htmlFor="expert-filter-field">{t('experts.field')}</label>
        <FieldSelect
          id="expert-filter-field"
          value={field}
          onChange={setField}
          emptyLabel={t('experts.anyField')}
          testId="expert-filter-field"
        />
      </div>
      <div>
        <label htmlFor="expert-filter-q">{t('experts.words')}</label>
        <input
          id="expert-filter-q"
          name="q"
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          data-testid="expert-filter-q"
        />
      </div>
      <div>
        <label htmlFor="expert-filter-availability">{t('experts.availabilityLabel')}</label>
        <select
          id="expert-filter-availability"
          name="availability"
          value={availability}
          onChange={(e) => setAvailability(e.target.value)}
          data-testid="expert-filter-availability"
        >
          <option value="">{t('experts.anyAvailability')}</option>
          {EXPERT_AVAILABILITIES.map((a) => (
            <option key={a} value={a}>
              {t(`experts.availability.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-primary" data-testid="expert-filter-apply">
        {t('experts.apply')}
      </button>
    </form>
  );
}
