import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryClient';
import { QueryStatus } from '../../api/QueryStatus';
import type { Currency } from '@contract/enums';
import { useLabels } from '../../labels';
import { formatMoney } from '../../money';
import { eventReport, reportCsvHref } from './eventsApi';

/** The event's figures for operators: registrations, meetings, outcomes and deals, with a CSV file. */
export function EventReportView({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { locale } = useLabels();
  const query = useQuery({
    queryKey: queryKeys.eventReport(eventId),
    queryFn: ({ signal }) => eventReport(eventId, signal),
  });
  const r = query.data;
  const rows: [string, number | string][] = r
    ? [
        [
          t('events.report.exhibitors'),
          `${r.registrations.exhibitor.approved} / ${r.registrations.exhibitor.total}`,
        ],
        [
          t('events.report.visitors'),
          `${r.registrations.visitor.approved} / ${r.registrations.visitor.total}`,
        ],
        [t('events.report.requested'), r.meetings.requested],
        [t('events.report.accepted'), r.meetings.accepted],
        [t('events.report.declined'), r.meetings.declined],
        [t('events.report.cancelled'), r.meetings.cancelled],
        [t('events.report.held'), r.meetings.held],
        ...Object.entries(r.outcomes).map(([o, n]): [string, number] => [t(`events.outcome.${o}`), n]),
        [t('events.report.dealsOpened'), r.deals.opened],
        [t('events.report.dealsAgreed'), r.deals.agreed],
        [
          t('events.report.value'),
          Object.entries(r.deals.value)
            .map(([currency, amount]) => formatMoney(amount ?? 0, currency as Currency, locale))
            .join(' · ') || '0',
        ],
      ]
    : [];
  return (
    <section className="card event-report" aria-labelledby="report-title" data-testid="event-report">
      <h2 id="report-title">{t('events.report.title')}</h2>
      <QueryStatus query={query} />
      {r && (
        <table className="figures">
          <caption className="visually-hidden">{t('events.report.title')}</caption>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={reportCsvHref(eventId)} download data-testid="event-report-csv">
          {t('events.report.csv')}
        </a>
      </p>
    </section>
  );
}
