import type { AppraisalStatus } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** Where a request stands: requested, assigned, under way, reported, published. */
export function AppraisalStatusBadge({ status, testId }: { status: AppraisalStatus; testId?: string }) {
  const labels = useAppraisalLabels();
  return (
    <span
      className={`badge appraisal-status appraisal-status-${status}`}
      data-testid={testId}
      data-status={status}
    >
      {labels.status(status)}
    </span>
  );
}
