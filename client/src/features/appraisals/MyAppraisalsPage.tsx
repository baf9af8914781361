import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryStatus } from '../../api/QueryStatus';
import { Notice } from '../../ui/Notice';
import { Pagination } from '../../ui/Pagination';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth';
import { appraisalKeys, myAppraisals, type AppraisalListQuery } from './appraisalsApi';
import { AppraisalsTable } from './AppraisalsTable';
import { StatusFilter, statusParam } from './StatusFilter';
import './appraisals.css';

/** `/appraisals`: my organization's requests and, for an expert, those assigned to me. */
export function MyAppraisalsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  useDocumentTitle(t('appraisals.mine.title'));
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'), 'all');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const request: AppraisalListQuery = { status: status === 'all' ? undefined : status, page };
  const query = useQuery({
    queryKey: appraisalKeys.mine(request),
    queryFn: ({ signal }) => myAppraisals(request, signal),
  });
  const data = query.data;
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    return `/appraisals?${next}`;
  };
  const expert = user?.role === 'expert';
  return (
    <section className="appraisals-page">
      <h1>{t('appraisals.mine.title')}</h1>
      <p className="lead">{t(expert ? 'appraisals.mine.introExpert' : 'appraisals.mine.intro')}</p>
      {expert && (
        <p className="page-links">
          <Link to="/experts/me" data-testid="expert-profile-link">
            {t('experts.profile.link')}
          </Link>
        </p>
      )}
      {notice === 'declined' && (
        <Notice tone="success" testId="appraisal-notice-declined">
          {t('appraisals.notices.declined')}
        </Notice>
      )}
      <StatusFilter
        value={status}
        onChange={(s) => setParams(s === 'all' ? {} : { status: s })}
        label={t('appraisals.filter')}
      />
      <QueryStatus query={query} />
      {data &&
        (data.appraisals.length === 0 ? (
          <p className="empty-state" data-testid="appraisals-empty">
            {t(expert ? 'appraisals.mine.emptyExpert' : 'appraisals.mine.empty')}
          </p>
        ) : (
          <>
            <AppraisalsTable appraisals={data.appraisals} userId={user?.id} />
            <Pagination page={page} pageCount={Math.ceil(data.total / data.limit)} hrefFor={hrefFor} />
          </>
        ))}
    </section>
  );
}
