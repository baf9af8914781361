import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { listingHref } from '../listings';
import { appraisalHref, appraisalKeys, assignExperts, type Appraisal } from './appraisalsApi';
import { AppraisalStatusBadge } from './AppraisalStatusBadge';
import { AssignmentsList } from './AssignmentsList';
import { ExpertPicker } from './ExpertPicker';
import { useAppraisalLabels } from './useAppraisalLabels';

const ASSIGNABLE = ['requested', 'assigned'];

/** One request of the operators' desk: what was asked, its experts, and the picker to assign more. */
export function DeskItem({
  appraisal: a,
  onAssigned,
}: {
  appraisal: Appraisal;
  onAssigned: (appraisal: Appraisal) => void;
}) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const { field } = useLabels();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const assign = useMutation({
    mutationFn: () => assignExperts(a.id, chosen),
    onSuccess: (updated) => {
      setChosen([]);
      onAssigned(updated);
      void queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen.length) assign.mutate();
  }
  const titleId = `desk-item-${a.id}-title`;
  return (
    <li className="card desk-item" data-testid={`desk-item-${a.id}`} data-status={a.status}>
      <p className="page-kicker">
        {labels.type(a.type)} <AppraisalStatusBadge status={a.status} />
        {a.field && <span className="hit-field"> {field(a.field)}</span>}
      </p>
      <h2 className="desk-item-title" id={titleId}>
        <Link to={appraisalHref(a.id)} data-testid={`desk-open-${a.id}`}>
          {a.listingTitle}
        </Link>
      </h2>
      <p className="row-note">
        {t('appraisals.requestedOn', { date: labels.dateTime(a.createdAt) })} ·{' '}
        {t(`appraisals.requesterRoles.${a.requesterRole}`)} ·{' '}
        <Link to={listingHref(a.listingKind, a.listingId)}>{t('appraisals.desk.viewListing')}</Link>
      </p>
      {a.note && <p className="desk-note">{a.note}</p>}
      <AssignmentsList assignments={a.assignments} />
      {ASSIGNABLE.includes(a.status) && (
        <form onSubmit={submit} className="desk-assign" data-testid={`desk-assign-${a.id}`}>
          <ExpertPicker
            appraisalId={a.id}
            field={a.field}
            assignments={a.assignments}
            chosen={chosen}
            onChange={(ids) => {
              assign.reset();
              setChosen(ids);
            }}
          />
          <ErrorAlert error={assign.error} testId={`desk-error-${a.id}`} />
          <button
            type="submit"
            className="btn btn-primary btn-small"
            disabled={assign.isPending || chosen.length === 0}
            data-testid={`desk-assign-submit-${a.id}`}
          >
            {assign.isPending ? t('common.working') : t('appraisals.desk.assign')}
          </button>
        </form>
      )}
    </li>
  );
}
