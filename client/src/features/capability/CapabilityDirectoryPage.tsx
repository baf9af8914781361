import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { capabilityDirectory, capabilityKeys, type DirectoryQuery } from './capabilityApi';
import { DirectoryFilters, type DirectoryFilter } from './DirectoryFilters';
import { DirectoryTable } from './DirectoryTable';
import './capability.css';

const FILTER_KEYS = ['sector', 'level', 'province', 'q'] as const;

/** `/capabilities`: the verified enterprises that show their technology capability, strongest first. */
export function CapabilityDirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('capability.directory.title'));
  const [params, setParams] = useSearchParams();
  const filter: DirectoryFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  const request: DirectoryQuery = { ...filter, page };
  const query = useQuery({
    queryKey: capabilityKeys.directory(request),
    queryFn: ({ signal }) => capabilityDirectory(request, signal),
  });
  const data = query.data;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `/capabilities?${next}`;
  };
  function apply(next: DirectoryFilter) {
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);
  }
  return (
    <section className="capability-page">
      <h1>{t('capability.directory.title')}</h1>
      <p className="lead">{t('capability.directory.intro')}</p>
      <DirectoryFilters key={params.toString()} filter={filter} onApply={apply} />
      <QueryStatus query={query} />
      {data && (
        <>
          <p className="count" role="status" data-testid="capability-directory-total">
            {t('capability.directory.total', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p className="empty-state">{t('capability.directory.empty')}</p>
          ) : (
            <DirectoryTable items={data.items} />
          )}
          <Pagination page={page} pageCount={Math.ceil(data.total / data.limit)} hrefFor={hrefFor} />
        </>
      )}
      <p className="page-links">
        <Link to="/capability">{t('capability.assessYours')}</Link>
      </p>
    </section>
  );
}
