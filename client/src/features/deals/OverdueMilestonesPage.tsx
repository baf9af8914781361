import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import { Pagination } from '../../ui/Pagination';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { listOverdueMilestones } from './dealsApi';
import { OverdueMilestoneRow } from './OverdueMilestoneRow';

/** `/admin/milestones`: the operators' list of milestones past their due date across deals, the most overdue first. */
export function OverdueMilestonesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deals.overdueList.title'));
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: queryKeys.overdueMilestones(page),
    queryFn: ({ signal }) => listOverdueMilestones(page, signal),
  });
  const data = query.data;
  return (
    <section data-testid="overdue-milestones">
      <h1>
        {t('deals.overdueList.title')} {data && <span className="count">({data.total})</span>}
      </h1>
      <p className="lead">{t('deals.overdueList.intro')}</p>
      <QueryStatus query={query} />
      {data &&
        (data.milestones.length === 0 ? (
          <p className="empty-state" data-testid="overdue-empty">
            {t('deals.overdueList.empty')}
          </p>
        ) : (
          <>
            <ResponsiveTable testId="overdue-table">
              <thead>
                <tr>
                  <th scope="col">{t('deals.subject')}</th>
                  <th scope="col">{t('deals.overdueList.milestone')}</th>
                  <th scope="col">{t('deals.milestones.dueDate')}</th>
                  <th scope="col">{t('deals.overdueList.daysOverdue')}</th>
                  <th scope="col">{t('deals.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.milestones.map((m) => (
                  <OverdueMilestoneRow key={`${m.dealId}-${m.n}`} milestone={m} />
                ))}
              </tbody>
            </ResponsiveTable>
            <Pagination
              page={page}
              pageCount={Math.ceil(data.total / data.limit)}
              hrefFor={(p) => (p > 1 ? `/admin/milestones?page=${p}` : '/admin/milestones')}
            />
          </>
        ))}
    </section>
  );
}
