import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SaveSearchButton } from '../alerts';
import { FacetFilters } from './FacetFilters';
import { SearchBar } from './SearchBar';
import { SearchHitCard } from './SearchHitCard';
import {
  hasFilters,
  limitOf,
  pageOf,
  readSearchState,
  SORTS,
  toApiQuery,
  updateSearchParams,
  type SearchParam,
} from './searchQuery';
import { useSearchResults } from './useSearchResults';

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params);
  const sort = state.sort ?? (state.q ? 'relevance' : 'newest');
  const { data, error, loading } = useSearchResults(toApiQuery({ ...state, sort }));
  const resultsRef = useRef<HTMLElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const page = pageOf(state);
  useDocumentTitle(state.q ? t('search.titleFor', { q: state.q }) : t('search.title'));

  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    resultsRef.current?.scrollIntoView({ block: 'start' });
  }, [page]);

  const change = (changes: Partial<Record<SearchParam, string | undefined>>) =>
    setParams(updateSearchParams(params, changes));
  const hrefFor = (p: number) =>
    `/search?${updateSearchParams(params, { page: p === 1 ? undefined : String(p) })}`;
  const pageCount = data ? Math.ceil(data.total / (data.limit || limitOf(state))) : 0;
  const clearHref = `/search${state.q ? `?q=${encodeURIComponent(state.q)}` : ''}`;

  return (
    <section className="search-page">
      <h1 className="visually-hidden">{t('search.title')}</h1>
      <SearchBar key={state.q ?? ''} initial={state.q ?? ''} onSearch={(q) => change({ q })} />
      <SaveSearchButton state={state} />
      <div className="search-layout">
        <aside className={`search-filters${filtersOpen ? ' open' : ''}`} aria-label={t('search.filters')}>
          <div className="filters-head">
            <h2>{t('search.filters')}</h2>
            <button
              type="button"
              className="btn btn-small btn-secondary filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="search-facets"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {filtersOpen ? t('search.hideFilters') : t('search.showFilters')}
            </button>
            {hasFilters(state) && (
              <Link to={clearHref} data-testid="clear-filters">
                {t('search.clearFilters')}
              </Link>
            )}
          </div>
          <FacetFilters
            state={state}
            facets={data?.facets}
            onChange={change}
            originNames={Object.fromEntries(
              (data?.hits ?? []).flatMap((h) => (h.origin && h.home ? [[h.origin, h.home.name]] : [])),
            )}
          />
        </aside>
        <section
          className="search-results"
          ref={resultsRef}
          aria-busy={loading}
          aria-labelledby="results-title"
        >
          <div className="results-head">
            <h2 id="results-title" aria-live="polite" data-testid="search-total">
              {data ? t('search.total', { count: data.total }) : t('search.title')}
            </h2>
            <label className="sort-select">
              <span>{t('search.sort')}</span>
              <select
                name="sort"
                value={sort}
                onChange={(e) => change({ sort: e.target.value })}
                data-testid="search-sort"
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`search.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorAlert error={error} />
          {loading && !data && <Loading />}
          {data && data.hits.length === 0 && (
            <div className="empty-state" data-testid="search-empty">
              <p>{t('search.empty')}</p>
              {hasFilters(state) && <Link to={clearHref}>{t('search.clearFilters')}</Link>}
            </div>
          )}
          {data && data.hits.length > 0 && (
            <ol className={`hits${loading ? ' is-loading' : ''}`} data-testid="search-results">
              {data.hits.map((hit) => (
                <SearchHitCard key={`${hit.kind}-${hit.id}`} hit={hit} />
              ))}
            </ol>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
        </section>
      </div>
    </section>
  );
}
