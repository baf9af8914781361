import { useTranslation } from 'react-i18next';
import { FIELD_CODES, SUB_FIELD_CODES, fieldOfSubField } from '@contract/taxonomy';
import { useLabels } from '../../labels';
import type { OperatorStats } from './statsApi';
import { formatAmounts } from './statsFormat';
import { ReportTable } from './ReportTable';

/** Codes in the taxonomy's order (unknown codes last, by code). */
const inOrder = (order: readonly string[]) => (a: string, b: string) => {
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return rank(a) - rank(b) || a.localeCompare(b);
};
const sum = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((a, r) => a + pick(r), 0);
/** Amounts by currency added up. */
const sumAmounts = (amounts: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const byCurrency of amounts)
    for (const [currency, amount] of Object.entries(byCurrency))
      out[currency] = (out[currency] ?? 0) + amount;
  return out;
};

/** By field: listings published, deals opened, agreed and won, the agreed value (the stats grouped by field). */
export function ReportByField({ stats: s }: { stats: OperatorStats }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const n = (v: number) => v.toLocaleString(labels.locale);
  const rows = s.series
    .filter((r) => r.offersPublished + r.demandsPublished + r.dealsOpened + r.agreed + r.closedWon > 0)
    .sort((a, b) => inOrder(FIELD_CODES)(a.key, b.key));
  const figures = (r: Omit<OperatorStats['series'][number], 'key' | 'offers' | 'demands'>) => [
    n(r.offersPublished),
    n(r.demandsPublished),
    n(r.dealsOpened),
    n(r.agreed),
    n(r.closedWon),
  ];
  return (
    <ReportTable
      title={t('stats.printable.byField')}
      testId="report-by-field"
      empty={t('stats.none')}
      columns={[
        t('stats.group.field'),
        t('stats.offersPublished'),
        t('stats.demandsPublished'),
        t('stats.funnel.dealsOpened'),
        t('stats.funnel.agreed'),
        t('stats.funnel.closedWon'),
        t('stats.agreedValue'),
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [
          labels.field(r.key),
          ...figures(r),
          formatAmounts(s.agreedValueByField[r.key] ?? {}, labels.locale),
        ],
      }))}
      total={[
        t('stats.printable.total'),
        ...figures({
          offersPublished: sum(rows, (r) => r.offersPublished),
          demandsPublished: sum(rows, (r) => r.demandsPublished),
          dealsOpened: sum(rows, (r) => r.dealsOpened),
          agreed: sum(rows, (r) => r.agreed),
          closedWon: sum(rows, (r) => r.closedWon),
        }),
        formatAmounts(sumAmounts(rows.map((r) => s.agreedValueByField[r.key] ?? {})), labels.locale),
      ]}
    />
  );
}

/** By the agreed term sheet's transfer mode: deals agreed and won, the agreed value. */
export function ReportByMode({ stats: s }: { stats: OperatorStats }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const n = (v: number) => v.toLocaleString(labels.locale);
  return (
    <ReportTable
      title={t('stats.printable.byMode')}
      testId="report-by-mode"
      empty={t('stats.none')}
      columns={[
        t('stats.transferMode'),
        t('stats.funnel.agreed'),
        t('stats.funnel.closedWon'),
        t('stats.agreedValue'),
      ]}
      rows={s.transferModes.map((r) => ({
        key: r.transferMode,
        cells: [
          labels.enumLabel('transferMode', r.transferMode),
          n(r.agreed),
          n(r.closedWon),
          formatAmounts(r.agreedValue, labels.locale),
        ],
      }))}
      total={[
        t('stats.printable.total'),
        n(sum(s.transferModes, (r) => r.agreed)),
        n(sum(s.transferModes, (r) => r.closedWon)),
        formatAmounts(sumAmounts(s.transferModes.map((r) => r.agreedValue)), labels.locale),
      ]}
    />
  );
}

/** By sub-field (listings that named one): published and created, offers and demands. */
export function ReportBySubField({ stats: s }: { stats: OperatorStats }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const n = (v: number) => v.toLocaleString(labels.locale);
  const rows = [...s.subFields].sort((a, b) => inOrder(SUB_FIELD_CODES)(a.subField, b.subField));
  return (
    <ReportTable
      title={t('stats.printable.bySubField')}
      testId="report-by-subfield"
      empty={t('stats.none')}
      columns={[
        t('stats.subField'),
        t('stats.group.field'),
        t('stats.offersPublished'),
        t('stats.demandsPublished'),
        t('stats.offers'),
        t('stats.demands'),
      ]}
      rows={rows.map((r) => {
        const field = fieldOfSubField(r.subField);
        return {
          key: r.subField,
          cells: [
            labels.subField(r.subField),
            field ? labels.field(field.code) : '–',
            n(r.offersPublished),
            n(r.demandsPublished),
            n(r.offers),
            n(r.demands),
          ],
        };
      })}
    />
  );
}
