import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from 'recharts';

export interface RadarSeries {
  key: string;
  label: string;
  color: string;
}

/** A radar of the five groups (`rows[i].name` the group, each series a share of its points in %). */
export function CapabilityRadar({ rows, series }: { rows: object[]; series: RadarSeries[] }) {
  return (
    <ResponsiveContainer width="100%" height={320}>
      {/* Hidden from assistive technology (its figures are in the table below), so no keyboard focus either. */}
      <RadarChart data={rows} outerRadius="70%" accessibilityLayer={false}>
        <PolarGrid />
        <PolarAngleAxis dataKey="name" />
        <PolarRadiusAxis domain={[0, 100]} tickCount={6} angle={54} />
        <Tooltip />
        <Legend />
        {series.map((s) => (
          <Radar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.25}
            isAnimationActive={false}
          />
        ))}
      </RadarChart>
    </ResponsiveContainer>
  );
}
