import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels';
import { AvailabilityBadge, expertKeys, listExperts } from '../experts';
import type { Assignment } from './appraisalsApi';

/** Most experts assigned in one go (the server's rule too). */
export const MAX_ASSIGNED = 5;
const LIMIT = 100;

/**
 * The directory's experts an operator may assign to a request: those of its field first (every
 * field on request), the experts already on it ticked and fixed.
 */
export function ExpertPicker({
  appraisalId,
  field,
  assignments,
  chosen,
  onChange,
}: {
  appraisalId: string;
  field: string | null;
  assignments: Assignment[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [everyField, setEveryField] = useState(!field);
  const request = { field: everyField ? undefined : (field ?? undefined), limit: LIMIT };
  const query = useQuery({
    queryKey: expertKeys.directory(request),
    queryFn: ({ signal }) => listExperts(request, signal),
  });
  const onIt = new Set(assignments.filter((a) => a.status !== 'declined').map((a) => a.expertId));
  const experts = query.data?.experts ?? [];
  const legendId = `desk-experts-${appraisalId}`;
  return (
    <fieldset className="desk-experts" aria-labelledby={legendId} data-testid={`desk-experts-${appraisalId}`}>
      <legend id={legendId}>
        {field && !everyField
          ? t('appraisals.desk.expertsOfField', { field: labels.field(field) })
          : t('appraisals.desk.expertsAll')}
      </legend>
      {query.error ? (
        <p className="field-error">{t('errors.internal')}</p>
      ) : query.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : experts.length === 0 ? (
        <p className="muted" data-testid={`desk-no-experts-${appraisalId}`}>
          {t('appraisals.desk.noExperts')}
        </p>
      ) : (
        <ul className="desk-expert-list">
          {experts.map((e) => {
            const fixed = onIt.has(e.id);
            const checked = fixed || chosen.includes(e.id);
            return (
              <li key={e.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={fixed || (!checked && chosen.length >= MAX_ASSIGNED)}
                    onChange={(ev) =>
                      onChange(ev.target.checked ? [...chosen, e.id] : chosen.filter((id) => id !== e.id))
                    }
                    data-testid={`desk-expert-${appraisalId}-${e.id}`}
                  />
                  <span>
                    <strong>{e.name}</strong>
                    {(e.affiliation || e.organization) && (
                      <span className="muted"> · {e.affiliation || e.organization?.name}</span>
                    )}{' '}
                    <AvailabilityBadge availability={e.availability} />
                    {fixed && <span className="row-note"> {t('appraisals.desk.alreadyAssigned')}</span>}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {field && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => setEveryField((v) => !v)}
          data-testid={`desk-every-field-${appraisalId}`}
        >
          {everyField
            ? t('appraisals.desk.onlyField', { field: labels.field(field) })
            : t('appraisals.desk.everyField')}
        </button>
      )}
    </fieldset>
  );
}
