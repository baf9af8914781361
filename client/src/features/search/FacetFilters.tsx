import { useTranslation } from 'react-i18next';
import { CURRENCIES, LISTING_KINDS, TRANSFER_MODES, type Currency } from '@contract/enums';
import { TAXONOMY } from '@contract/taxonomy';
import { useLabels } from '../../labels';
import { ProvinceSelect } from '../../ui/ProvinceSelect';
import type { SearchResponse } from '../../types';
import { FacetRadioGroup } from './FacetRadioGroup';
import { PriceFilter } from './PriceFilter';
import type { SearchParam, SearchState } from './searchQuery';
import { TrlFilter } from './TrlFilter';

interface FacetFiltersProps {
  state: SearchState;
  facets: SearchResponse['facets'] | undefined;
  onChange: (changes: Partial<Record<SearchParam, string | undefined>>) => void;
  /** Partner exchanges' names by their origin code, as the hits name them. */
  originNames?: Record<string, string>;
}

export function FacetFilters({ state, facets, onChange, originNames }: FacetFiltersProps) {
  const { t } = useTranslation();
  // This exchange's own listings and each partner's (shown only once a partner's are found).
  const origins = [
    ...new Set(['local', ...Object.keys(facets?.origin ?? {}), ...(state.origin ? [state.origin] : [])]),
  ];
  const labels = useLabels();
  const currency: Currency = state.currency === 'USD' ? 'USD' : 'VND';

  return (
    <div className="facets" id="search-facets">
      <FacetRadioGroup
        name="kind"
        legend={t('search.kind')}
        options={LISTING_KINDS.map((k) => ({ value: k, label: labels.enumLabel('listingKind', k) }))}
        selected={state.kind}
        onSelect={(kind) => onChange({ kind })}
      />
      <FacetRadioGroup
        name="field"
        legend={t('listing.field')}
        options={TAXONOMY.map((f) => ({ value: f.code, label: labels.field(f.code) }))}
        selected={state.field}
        counts={facets?.field}
        onSelect={(field) => onChange({ field })}
      />
      <TrlFilter
        min={state.trlMin}
        max={state.trlMax}
        counts={facets?.trl}
        onChange={(trlMin, trlMax) => onChange({ trlMin, trlMax })}
      />
      <FacetRadioGroup
        name="transferMode"
        legend={t('listing.transferModes')}
        options={TRANSFER_MODES.map((m) => ({ value: m, label: labels.enumLabel('transferMode', m) }))}
        selected={state.transferMode}
        counts={facets?.transferModes}
        onSelect={(transferMode) => onChange({ transferMode })}
      />
      <div className="facet">
        <label htmlFor="facet-province" className="facet-title">
          {t('listing.province')}
        </label>
        <ProvinceSelect
          id="facet-province"
          name="province"
          value={state.province ?? ''}
          onChange={(province) => onChange({ province })}
          emptyLabel={t('search.allProvinces')}
          counts={facets?.province}
        />
      </div>
      <FacetRadioGroup
        name="currency"
        legend={t('listing.currency')}
        options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        selected={state.currency}
        onSelect={(c) => onChange({ currency: c })}
      />
      {origins.length > 1 && (
        <FacetRadioGroup
          name="origin"
          legend={t('federation.search.origin')}
          options={origins.map((o) => ({
            value: o,
            label: o === 'local' ? t('federation.search.local') : (originNames?.[o] ?? o),
          }))}
          selected={state.origin}
          counts={facets?.origin}
          onSelect={(origin) => onChange({ origin })}
        />
      )}
      <PriceFilter
        key={`${currency}:${state.priceMin ?? ''}:${state.priceMax ?? ''}`}
        currency={currency}
        min={state.priceMin}
        max={state.priceMax}
        onApply={(priceMin, priceMax) => onChange({ priceMin, priceMax })}
      />
    </div>
  );
}
