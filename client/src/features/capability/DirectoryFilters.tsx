import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_LEVELS } from '@contract/capability-criteria';
import { ProvinceSelect } from '../../ui/ProvinceSelect';
import type { DirectoryQuery } from './capabilityApi';
import { SectorSelect } from './SectorSelect';
import { useCapabilityLabels } from './useCapabilityLabels';

export type DirectoryFilter = Omit<DirectoryQuery, 'page'>;

/** The directory's filters: sector, level, province and a name, applied together. */
export function DirectoryFilters({
  filter,
  onApply,
}: {
  filter: DirectoryFilter;
  onApply: (filter: DirectoryFilter) => void;
}) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const [sector, setSector] = useState(filter.sector ?? '');
  const [level, setLevel] = useState(filter.level ?? '');
  const [province, setProvince] = useState(filter.province ?? '');
  const [q, setQ] = useState(filter.q ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply({ sector, level, province, q: q.trim() });
  }
  return (
    <form className="capability-filter" onSubmit={submit} role="search" data-testid="capability-filter">
      <div>
        <label htmlFor="capability-filter-sector">{t('capability.sector')}</label>
        <SectorSelect
          id="capability-filter-sector"
          value={sector}
          onChange={setSector}
          emptyLabel={t('capability.anySector')}
          testId="capability-filter-sector"
        />
      </div>
      <div>
        <label htmlFor="capability-filter-level">{t('capability.level')}</label>
        <select
          id="capability-filter-level"
          name="level"
          value={level}
          onChange={(e) => setLevel(e.target.value)}
          data-testid="capability-filter-level"
        >
          <option value="">{t('capability.directory.anyLevel')}</option>
          {[...CAPABILITY_LEVELS].reverse().map((l) => (
            <option key={l} value={l}>
              {labels.level(l)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="capability-filter-province">{t('capability.directory.province')}</label>
        <ProvinceSelect
          id="capability-filter-province"
          name="province"
          value={province}
          onChange={setProvince}
          emptyLabel={t('capability.directory.anyProvince')}
        />
      </div>
      <div>
        <label htmlFor="capability-filter-q">{t('capability.directory.name')}</label>
        <input
          id="capability-filter-q"
          name="q"
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          data-testid="capability-filter-q"
        />
      </div>
      <button type="submit" className="btn btn-primary" data-testid="capability-filter-apply">
        {t('capability.directory.apply')}
      </button>
    </form>
  );
}
