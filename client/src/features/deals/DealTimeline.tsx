import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../dates';
import { useLocale } from '../../labels';
import type { Deal } from './dealTypes';

/** Who did what in the deal, and when, oldest first. */
export function DealTimeline({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card" data-testid="deal-timeline">
      <h2 className="card-title">{t('deals.timeline.title')}</h2>
      <ol className="timeline">
        {deal.timeline.map((entry, i) => (
          <li key={i} data-event={entry.event}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
            <span className="timeline-event">
              {t(`deals.timeline.events.${entry.event}`, {
                defaultValue: entry.event,
                version: (entry.data?.version as number | undefined) ?? '',
                n: (entry.data?.n as number | undefined) ?? '',
              })}
            </span>
            {entry.actorRole && (
              <span className="muted">
                {' '}
                · {t(`deals.roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
