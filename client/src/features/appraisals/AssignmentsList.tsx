import { useTranslation } from 'react-i18next';
import type { Assignment } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** The experts assigned to a request and what each decided (a reason when they declined). */
export function AssignmentsList({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  if (assignments.length === 0)
    return (
      <p className="muted" data-testid="appraisal-no-experts">
        {t('appraisals.assignments.none')}
      </p>
    );
  return (
    <ul className="appraisal-assignments" data-testid="appraisal-assignments">
      {assignments.map((a) => (
        <li key={a.expertId} data-testid={`assignment-${a.expertId}`} data-status={a.status}>
          <strong>{a.name || t('appraisals.assignments.anExpert')}</strong>{' '}
          <span className={`badge appraisal-assignment-${a.status}`}>{labels.assignment(a.status)}</span>
          <span className="row-note">
            {' '}
            {a.decidedAt
              ? labels.dateTime(a.decidedAt)
              : t('appraisals.assignments.assignedOn', { date: labels.dateTime(a.assignedAt) })}
          </span>
          {a.declineReason && <p className="row-note">“{a.declineReason}”</p>}
        </li>
      ))}
    </ul>
  );
}
