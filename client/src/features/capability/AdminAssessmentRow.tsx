import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { VerifiedBadge } from '../../ui/VerifiedBadge';
import { verifyAssessment, type AdminAssessment } from './capabilityApi';
import { LevelBadge } from './LevelBadge';
import { useCapabilityLabels } from './useCapabilityLabels';

/** One enterprise's complete assessment of a sector; an operator verifies it after a visit. */
export function AdminAssessmentRow({ assessment: a }: { assessment: AdminAssessment }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => verifyAssessment(a.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['capability'] }),
  });
  const testId = `${a.organizationId}-${a.sector}`;
  return (
    <tr data-testid={`capability-row-${testId}`}>
      <td>
        <strong>{a.organization.name || a.organizationId}</strong>
      </td>
      <td>{labels.sector(a.sector)}</td>
      <td>{a.level && <LevelBadge level={a.level} />}</td>
      <td>{labels.points(a.score)}</td>
      <td>{a.synchronisation?.toLocaleString(labels.locale, { maximumFractionDigits: 3 }) ?? '–'}</td>
      <td>{a.completedAt ? formatDate(a.completedAt, labels.locale) : '–'}</td>
      <td>
        <VerifiedBadge verified={a.verified} testId={`capability-row-verified-${testId}`} />
        {!a.verified && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={verify.isPending}
            onClick={() => verify.mutate()}
            aria-label={t('capability.admin.verifyOf', { name: a.organization.name })}
            data-testid={`capability-verify-${testId}`}
          >
            {verify.isPending ? t('common.working') : t('capability.admin.verify')}
          </button>
        )}
        <ErrorAlert error={verify.error} />
      </td>
    </tr>
  );
}
