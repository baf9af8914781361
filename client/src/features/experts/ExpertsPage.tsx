import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { ExpertCard } from './ExpertCard';
import { ExpertFilters, type ExpertFilter } from './ExpertFilters';
import { expertKeys, listExperts, type ExpertQuery } from './expertsApi';
import './experts.css';

const FILTER_KEYS = ['field', 'q', 'availability'] as const;

/** `/experts`: the public directory of appraisal experts, available ones first. */
export function ExpertsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  useDocumentTitle(t('experts.title'));
  const [params, setParams] = useSearchParams();
  const filter: ExpertFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  const request: ExpertQuery = { ...filter, page };
  const query = useQuery({
    queryKey: expertKeys.directory(request),
    queryFn: ({ signal }) => listExperts(request, signal),
  });
  const data = query.data;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `/experts?${next}`;
  };
  function apply(next: ExpertFilter) {
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  }
  return (
    <section className="experts-page">
      <h1>{t('experts.title')}</h1>
      <p className="lead">{t('experts.intro')}</p>
      {user?.role === 'expert' && (
        <p className="page-links">
          <Link to="/experts/me" data-testid="expert-profile-link">
            {t('experts.profile.link')}
          </Link>
        </p>
      )}
      <ExpertFilters key={params.toString()} filter={filter} onApply={apply} />
      <QueryStatus query={query} />
      {data && (
        <>
          <p className="count" role="status" data-testid="experts-total">
            {t('experts.total', { count: data.total })}
          </p>
          {data.experts.length === 0 ? (
            <p className="empty-state" data-testid="experts-empty">
              {t('experts.empty')}
            </p>
          ) : (
            <ul className="expert-list" data-testid="expert-list">
              {data.experts.map((e) => (
                <ExpertCard key={e.id} expert={e} />
              ))}
            </ul>
          )}
          <Pagination page={page} pageCount={Math.ceil(data.total / data.limit)} hrefFor={hrefFor} />
        </>
      )}
    </section>
  );
}
