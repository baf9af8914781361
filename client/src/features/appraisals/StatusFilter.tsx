import { useTranslation } from 'react-i18next';
import { APPRAISAL_STATUSES } from '@contract/enums';
import { useAppraisalLabels } from './useAppraisalLabels';

/** `all` or one status: the segmented choice above a list of requests. */
export function StatusFilter({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (status: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  return (
    <div className="segmented appraisal-filter" role="group" aria-label={label}>
      {(['all', ...APPRAISAL_STATUSES] as const).map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={value === s}
          className={value === s ? 'active' : ''}
          onClick={() => onChange(s)}
          data-testid={`appraisal-filter-${s}`}
        >
          {s === 'all' ? t('appraisals.allStatuses') : labels.status(s)}
        </button>
      ))}
    </div>
  );
}

/** The status a page's `?status=` names, or `fallback`. */
export function statusParam(value: string | null, fallback: string): string {
  return value && (value === 'all' || (APPRAISAL_STATUSES as readonly string[]).includes(value))
    ? value
    : fallback;
}
