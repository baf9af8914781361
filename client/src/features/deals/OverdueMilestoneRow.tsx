import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { useLocale } from '../../labels';
import { MilestoneStatusBadge } from './MilestoneStatusBadge';
import type { OverdueMilestone } from './dealTypes';

export function OverdueMilestoneRow({ milestone: m }: { milestone: OverdueMilestone }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <tr data-testid={`overdue-${m.dealId}-${m.n}`}>
      <td>
        <Link to={`/deals/${m.dealId}`} data-testid="overdue-deal-link">
          {m.listingTitle || m.reference || m.dealId}
        </Link>
        {m.reference && <div className="row-note">{m.reference}</div>}
        <div className="row-note" data-testid="overdue-parties">
          {m.seller.name} → {m.buyer.name}
        </div>
      </td>
      <td data-testid="overdue-milestone">{t('deals.milestones.heading', { n: m.n, title: m.title })}</td>
      <td>{formatDate(m.dueDate, locale)}</td>
      <td data-testid="overdue-days">{t('deals.overdueList.days', { count: m.daysOverdue })}</td>
      <td>
        <MilestoneStatusBadge status={m.status} />
      </td>
    </tr>
  );
}
