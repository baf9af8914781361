import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { appraisalHref, type Appraisal } from './appraisalsApi';
import { AppraisalStatusBadge } from './AppraisalStatusBadge';
import { useAppraisalLabels } from './useAppraisalLabels';

/** Requests as a table: the listing (to the request's page), kind, status, date, experts. */
export function AppraisalsTable({ appraisals, userId }: { appraisals: Appraisal[]; userId?: string }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  return (
    <ResponsiveTable testId="appraisals-table">
      <thead>
        <tr>
          <th scope="col">{t('appraisals.listing')}</th>
          <th scope="col">{t('appraisals.type')}</th>
          <th scope="col">{t('appraisals.status')}</th>
          <th scope="col">{t('appraisals.requested')}</th>
          <th scope="col">{t('appraisals.assignments.title')}</th>
        </tr>
      </thead>
      <tbody>
        {appraisals.map((a) => (
          <tr key={a.id} data-testid={`appraisal-row-${a.id}`} data-status={a.status}>
            <td>
              <Link to={appraisalHref(a.id)} data-testid={`appraisal-link-${a.id}`}>
                <strong>{a.listingTitle}</strong>
              </Link>
              {a.assignments.some((x) => x.expertId === userId) && (
                <div className="row-note">{t('appraisals.mine.assignedToYou')}</div>
              )}
            </td>
            <td>{labels.type(a.type)}</td>
            <td>
              <AppraisalStatusBadge status={a.status} />
            </td>
            <td>{labels.date(a.createdAt)}</td>
            <td>
              {a.assignments.length === 0
                ? '—'
                : a.assignments.map((x) => `${x.name} (${labels.assignment(x.status)})`).join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
