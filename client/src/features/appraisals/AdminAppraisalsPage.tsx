import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import {
  appraisalHref,
  appraisalKeys,
  deskAppraisals,
  type Appraisal,
  type AppraisalListQuery,
} from './appraisalsApi';
import { DeskItem } from './DeskItem';
import { StatusFilter, statusParam } from './StatusFilter';
import './appraisals.css';

/** `/admin/appraisals`: the operators' desk — requests by status (waiting for experts first), each with its expert picker. */
export function AdminAppraisalsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('appraisals.desk.title'));
  const [params, setParams] = useSearchParams();
  // The request just assigned leaves the "awaiting experts" list: say so above it.
  const [assigned, setAssigned] = useState<Appraisal | null>(null);
  const status = statusParam(params.get('status'), 'requested');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const request: AppraisalListQuery = { status: status === 'all' ? undefined : status, page };
  const query = useQuery({
    queryKey: appraisalKeys.desk(request),
    queryFn: ({ signal }) => deskAppraisals(request, signal),
  });
  const data = query.data;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `/admin/appraisals?${next}`;
  };
  return (
    <section className="appraisals-page">
      <h1>
        {t('appraisals.desk.title')} {data && <span className="count">({data.total})</span>}
      </h1>
      <p className="lead">{t('appraisals.desk.intro')}</p>
      {assigned && (
        <Notice tone="success" testId="desk-assigned">
          {t('appraisals.desk.assigned', {
            title: assigned.listingTitle,
            names: assigned.assignments
              .filter((x) => x.status === 'assigned')
              .map((x) => x.name)
              .join(', '),
          })}{' '}
          <Link to={appraisalHref(assigned.id)}>{t('appraisals.desk.open')}</Link>
        </Notice>
      )}
      <StatusFilter
        value={status}
        onChange={(s) => {
          setAssigned(null);
          setParams(s === 'requested' ? {} : { status: s });
        }}
        label={t('appraisals.filter')}
      />
      <QueryStatus query={query} />
      {data &&
        (data.appraisals.length === 0 ? (
          <p className="empty-state" data-testid="desk-empty">
            {t('appraisals.desk.empty')}
          </p>
        ) : (
          <>
            <ul className="desk-list" data-testid="appraisal-desk">
              {data.appraisals.map((a) => (
                <DeskItem key={a.id} appraisal={a} onAssigned={setAssigned} />
              ))}
            </ul>
            <Pagination page={page} pageCount={Math.ceil(data.total / data.limit)} hrefFor={hrefFor} />
          </>
        ))}
    </section>
  );
}
