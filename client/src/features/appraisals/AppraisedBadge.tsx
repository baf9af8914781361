import { useTranslation } from 'react-i18next';
import type { AppraisalBadgeFacts } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';
import './appraisals.css';

/**
 * A published appraisal on a listing or a search hit: "Appraised", the TRL the expert assessed,
 * the kind of appraisal and its date; the report's summary on hover and, on the listing, under it.
 */
export function AppraisedBadge({
  appraisal: a,
  showSummary = false,
  testId = 'appraised-badge',
}: {
  appraisal: AppraisalBadgeFacts;
  showSummary?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  return (
    <div className="appraised" data-testid={testId} data-type={a.type} data-trl={a.trlAssessed}>
      <span className="badge badge-appraised" title={a.summary || undefined}>
        <span aria-hidden="true">✓</span> {t('appraisals.badge.label')}
      </span>{' '}
      <span className="appraised-facts" data-testid={`${testId}-facts`}>
        {t('appraisals.badge.facts', {
          trl: a.trlAssessed,
          type: labels.type(a.type),
          date: labels.date(a.at),
        })}
      </span>
      {showSummary && a.summary && (
        <p className="appraised-summary" data-testid={`${testId}-summary`}>
          {a.summary}
        </p>
      )}
    </div>
  );
}
