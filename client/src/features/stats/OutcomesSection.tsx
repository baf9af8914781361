import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OUTCOME_REASONS } from '@contract/enums';
import { queryKeys } from '../../api/queryClient';
import { ResponsiveTable } from '../../ui/ResponsiveTable';
import { useLabels } from '../../labels';
import { outcomeStats, type StatsRange } from './statsApi';

type Kind = 'rejections' | 'walkAways' | 'cancellations';
const KINDS: Kind[] = ['rejections', 'walkAways', 'cancellations'];

/** On the operators' statistics: why bids and deals ended in the period, by reason and by field. */
export function OutcomesSection({ range }: { range: StatsRange }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const query = useQuery({
    queryKey: queryKeys.adminOutcomes(range.from ?? '', range.to ?? ''),
    queryFn: ({ signal }) => outcomeStats(range, signal),
  });
  const o = query.data;
  if (!o) return null;
  const n = (v: number | undefined) => (v ?? 0).toLocaleString(i18n.resolvedLanguage);
  const fields = [...new Set(KINDS.flatMap((k) => o[k].byField.map((f) => f.field)))];
  const fieldTotal = (k: Kind, field: string) => o[k].byField.find((f) => f.field === field)?.total;
  const total = KINDS.reduce((sum, k) => sum + o[k].total, 0);
  return (
    <section className="card" data-testid="stats-outcomes">
      <h2>{t('stats.outcomes.title')}</h2>
      {total === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <>
          <OutcomeTable
            testId="stats-outcomes-by-reason"
            head={t('stats.outcomes.reason')}
            rows={OUTCOME_REASONS.map((r) => ({
              key: r,
              label: t(`enum.outcomeReason.${r}`),
              cells: KINDS.map((k) => n(o[k].byReason[r])),
            }))}
          />
          <OutcomeTable
            testId="stats-outcomes-by-field"
            head={t('stats.group.field')}
            rows={fields.map((f) => ({
              key: f,
              label: labels.field(f),
              cells: KINDS.map((k) => n(fieldTotal(k, f))),
            }))}
          />
        </>
      )}
    </section>
  );
}

function OutcomeTable(props: {
  testId: string;
  head: string;
  rows: { key: string; label: string; cells: string[] }[];
}) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable testId={props.testId}>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {KINDS.map((k) => (
            <th scope="col" key={k}>
              {t(`stats.outcomes.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((c, i) => (
              <td key={KINDS[i]}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ResponsiveTable>
  );
}
