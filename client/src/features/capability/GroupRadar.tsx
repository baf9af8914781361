import { useTranslation } from 'react-i18next';
import { CAPABILITY_GROUPS, CAPABILITY_GROUP_INFO } from '@contract/capability-criteria';
import type { Assessment } from './capabilityApi';
import { ChartFigure } from '../../ui/ChartFigure';
import { CapabilityRadar, type RadarSeries } from './CapabilityRadar';
import { useCapabilityLabels } from './useCapabilityLabels';

const pct = (points: number, max: number) => Math.round((points / max) * 1000) / 10;

/** The five groups as a share of their points, against the sector's average when there is one. */
export function GroupRadar({ assessment: a }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const labels = useCapabilityLabels();
  const avg = a.sectorAverage;
  const rows = CAPABILITY_GROUPS.map((g) => ({
    name: g,
    label: labels.group(g),
    you: pct(a.groups[g].score, a.groups[g].max),
    ...(avg ? { sector: pct(avg.groups[g], CAPABILITY_GROUP_INFO[g].max) } : {}),
  }));
  const series: RadarSeries[] = [{ key: 'you', label: t('capability.you'), color: '#1f5fa8' }];
  if (avg)
    series.push({
      key: 'sector',
      label: t('capability.sectorAverage', { count: avg.count }),
      color: '#c2571a',
    });
  const n = (v: number) => `${v.toLocaleString(labels.locale)}%`;
  return (
    <ChartFigure
      title={t('capability.radarTitle')}
      testId="capability-radar"
      table={{
        columns: [t('capability.group'), ...series.map((s) => s.label)],
        rows: rows.map((r) => [r.label, n(r.you), ...(r.sector === undefined ? [] : [n(r.sector)])]),
      }}
    >
      <CapabilityRadar rows={rows} series={series} />
    </ChartFigure>
  );
}
