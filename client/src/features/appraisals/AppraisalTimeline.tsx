import { useTranslation } from 'react-i18next';
import type { Appraisal } from './appraisalsApi';
import { useAppraisalLabels } from './useAppraisalLabels';

/** What happened to the request, and when, oldest first (experts by name). */
export function AppraisalTimeline({ appraisal: a }: { appraisal: Appraisal }) {
  const { t } = useTranslation();
  const labels = useAppraisalLabels();
  const expertName = (id?: string) => a.assignments.find((x) => x.expertId === id)?.name;
  return (
    <section className="card" data-testid="appraisal-timeline" aria-labelledby="appraisal-timeline-title">
      <h2 className="card-title" id="appraisal-timeline-title">
        {t('appraisals.timeline.title')}
      </h2>
      <ol className="appraisal-timeline">
        {a.timeline.map((entry, i) => (
          <li key={i} data-event={entry.event}>
            <time dateTime={entry.at}>{labels.dateTime(entry.at)}</time>{' '}
            <span className="timeline-event">
              {t(`appraisals.timeline.events.${entry.event}`, { defaultValue: entry.event })}
            </span>
            {expertName(entry.by) && <span className="muted"> · {expertName(entry.by)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
