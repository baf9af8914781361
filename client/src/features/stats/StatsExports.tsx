import { useTranslation } from 'react-i18next';
import { exportUrl, RECORD_REPORTS, TABLE_REPORTS, type ReportName, type StatsRange } from './statsApi';

const FORMATS = ['csv', 'xlsx'] as const;

/** The period's exports, CSV or XLSX: the summary tables, then the raw records created in it. */
export function StatsExports({ range }: { range: StatsRange }) {
  const { t } = useTranslation();
  return (
    <section className="stats-exports" aria-labelledby="stats-exports-title">
      <h2 id="stats-exports-title">{t('stats.exports')}</h2>
      <ExportGroup title={t('stats.exportTables')} reports={TABLE_REPORTS} range={range} />
      <ExportGroup title={t('stats.exportRecords')} reports={RECORD_REPORTS} range={range} />
    </section>
  );
}

function ExportGroup({ title, reports, range }: { title: string; reports: ReportName[]; range: StatsRange }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {reports.map((report) => (
          <li key={report}>
            {t(`stats.report.${report}`)}:{' '}
            {FORMATS.map((format) => (
              <a
                key={format}
                className="button secondary"
                href={exportUrl(range, report, format)}
                download
                data-testid={`stats-export-${report}-${format}`}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
